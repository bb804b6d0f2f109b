/**
 * `npm run slack:manifest`: prints the Slack app manifest generated from the command
 * definitions, as YAML (or JSON with `--json`), ready to paste into "Create an app → From
 * a manifest". Arguments:
 *
 *   --url https://bot.example.com/slack/events   the public request URL (HTTP receiver)
 *   --socket                                     Socket Mode: no request URLs
 *   --prefix bb                                  slash commands /bb-ask … (default SLACK_COMMAND_PREFIX, else briefbot)
 *   --name "News bot"                            the app's name in Slack
 *   --json                                       JSON instead of YAML
 *
 * Without `--socket`, Socket Mode is chosen when SLACK_APP_TOKEN is set.
 */
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import type { CommandDefinition } from '../../core/command.ts';
import { ConfigError, loadConfig, type SlackConfig } from '../../config.ts';
import { slackManifest } from './manifest.ts';

export interface ManifestRunOptions {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly commands: readonly CommandDefinition[];
  /** Where the manifest goes (stdout). */
  readonly write: (text: string) => void;
  /** Where a problem goes (stderr). */
  readonly fail: (line: string) => void;
}

interface ManifestArgs {
  readonly url?: string | undefined;
  readonly socket?: boolean | undefined;
  readonly prefix?: string | undefined;
  readonly name?: string | undefined;
  readonly json?: boolean | undefined;
  readonly help?: boolean | undefined;
}

const USAGE = 'usage: npm run slack:manifest -- [--url https://HOST/slack/events | --socket] [--prefix PREFIX] [--name NAME] [--json]';

/**
 * Prints the manifest; returns the exit code: 0 printed, 2 a bad argument or setting.
 *
 * @example runSlackManifest({ argv: ['--socket', '--json'], env: {}, commands, write, fail }) → 0, JSON with socket_mode_enabled: true
 */
export function runSlackManifest(options: ManifestRunOptions): number {
  let values: ManifestArgs;
  try {
    ({ values } = parseArgs({
      args: [...options.argv],
      options: {
        url: { type: 'string' },
        socket: { type: 'boolean' },
        prefix: { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    options.fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    options.write(`${USAGE}\n`);
    return 0;
  }
  let slack: SlackConfig | undefined;
  try {
    slack = loadConfig(options.env).slack;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    options.fail(error.message);
    return 2;
  }
  if (values.url !== undefined && values.socket) {
    options.fail(`--url and --socket exclude each other: Socket Mode needs no request URL\n${USAGE}`);
    return 2;
  }
  if (values.url !== undefined && !/^https?:\/\/\S+$/.test(values.url)) {
    options.fail(`--url is "${values.url}": give the full public URL of the receiver, e.g. https://bot.example.com/slack/events`);
    return 2;
  }
  const socketMode = values.socket === true || (values.url === undefined && slack?.appToken !== undefined);
  const prefix = (values.prefix ?? slack?.commandPrefix ?? 'briefbot').replace(/^\/+|-+$/g, '');
  try {
    const manifest = slackManifest({
      commands: options.commands,
      prefix,
      socketMode,
      ...(values.url !== undefined ? { requestUrl: values.url } : {}),
      ...(values.name !== undefined ? { appName: values.name } : {}),
    });
    options.write(values.json ? `${JSON.stringify(manifest, null, 2)}\n` : stringify(manifest, { lineWidth: 0 }));
    return 0;
  } catch (error) {
    options.fail(`${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
