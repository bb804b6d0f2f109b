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
import { checkedSlackManifest } from './manifest-limits.ts';

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

const HELP_HINT = 'npm run slack:manifest -- --help lists the options';
const USAGE = 'usage: npm run slack:manifest -- [--url https://HOST/slack/events | --socket] [--prefix PREFIX] [--name NAME] [--json]';

/**
 * Prints the manifest; returns the exit code: 0 printed, 2 a bad argument or setting, or a
 * manifest Slack would refuse (each problem on a line of its own).
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
    options.fail(`${error instanceof Error ? error.message.split('\n')[0] : String(error)} (${HELP_HINT})`);
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
    options.fail(`--url and --socket exclude each other: Socket Mode needs no request URL (${HELP_HINT})`);
    return 2;
  }
  const socketMode = values.socket === true || (values.url === undefined && slack?.appToken !== undefined);
  const prefix = (values.prefix ?? slack?.commandPrefix ?? 'briefbot').replace(/^\/+|-+$/g, '');
  const checked = checkedSlackManifest({
    commands: options.commands,
    prefix,
    socketMode,
    ...(values.url !== undefined ? { requestUrl: values.url } : {}),
    ...(values.name !== undefined ? { appName: values.name } : {}),
  });
  if ('problems' in checked) {
    for (const problem of checked.problems) options.fail(problem);
    return 2;
  }
  const { manifest } = checked;
  options.write(values.json ? `${JSON.stringify(manifest, null, 2)}\n` : stringify(manifest, { lineWidth: 0 }));
  return 0;
}
