import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../../commands/index.ts';
import { usageLine } from '../../../src/core/command-text.ts';
import { runSlackManifest } from '../../../src/adapters/slack/manifest-run.ts';
import { BOT_EVENTS, PLACEHOLDER_REQUEST_URL, slackManifest, type SlackManifest } from '../../../src/adapters/slack/manifest.ts';
import { resolveSlashCommand } from '../../../src/adapters/slack/command-names.ts';
import { checkedSlackManifest } from '../../../src/adapters/slack/manifest-limits.ts';
import { defineCommand } from '../../../src/core/define-command.ts';

const chat = commands.filter((c) => c.surfaces.includes('chat'));

function run(argv: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runSlackManifest({ argv, env, commands, write: (t) => (out += t), fail: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

describe('the Slack app manifest', () => {
  const manifest = slackManifest({ commands, prefix: 'briefbot', socketMode: false });
  const slash = manifest.features.slash_commands;

  it('offers every chat command of commands/index.ts as /briefbot-NAME, with its description and usage hint', () => {
    expect(chat.length).toBeGreaterThan(3);
    for (const command of chat) {
      const entry = slash.find((s) => s.command === `/briefbot-${command.name}`);
      expect(entry, command.name).toBeDefined();
      expect(entry!.description).toBe(command.description);
      const hint = usageLine(command).slice(command.name.length).trim();
      expect(entry!.usage_hint ?? '').toBe(hint);
    }
  });

  it('offers nothing the adapter would not answer: every slash command resolves to a command or the umbrella', () => {
    for (const entry of slash) expect(['command', 'umbrella'], entry.command).toContain(resolveSlashCommand(entry.command, 'briefbot', chat).kind);
    expect(slash.map((s) => s.command)).not.toContain('/briefbot-ingest');
    expect(slash.map((s) => s.command)[0]).toBe('/briefbot');
  });

  it('keeps every slash command within 32 characters of lower-case letters, digits, - and _', () => {
    for (const entry of slash) expect(entry.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
  });

  it('subscribes to mentions and DMs with the scopes they need, and opens the messages tab', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'app_mentions:read', 'im:history', 'chat:write']));
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  it('names the placeholder request URL everywhere when none is given, and the given one when it is', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(new Set([...slash.map((s) => s.url), manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url])).toEqual(
      new Set([PLACEHOLDER_REQUEST_URL]),
    );
    const given = slackManifest({ commands, prefix: 'briefbot', socketMode: false, requestUrl: 'https://bot.example.com/slack/events' });
    expect(given.settings.event_subscriptions.request_url).toBe('https://bot.example.com/slack/events');
    expect(given.features.slash_commands.every((s) => s.url === 'https://bot.example.com/slack/events')).toBe(true);
  });

  it('names no request URL in Socket Mode', () => {
    const socket = slackManifest({ commands, prefix: 'briefbot', socketMode: true });
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('https://');
  });

  it("passes every limit of Slack's manifest schema as generated", () => {
    expect(checkedSlackManifest({ commands, prefix: 'briefbot', socketMode: false, requestUrl: 'https://bot.example.com/slack/events' })).toHaveProperty(
      'manifest',
    );
  });

  it('states each problem once: a prefix that spoils every command is one problem', () => {
    const checked = checkedSlackManifest({ commands, prefix: 'a-very-long-prefix-for-slack', socketMode: true });
    expect(checked).toEqual({ problems: [expect.stringMatching(/makes \d+ slash commands longer than Slack's 32 characters/)] });
    expect(checkedSlackManifest({ commands, prefix: 'Brief Bot', socketMode: true })).toEqual({ problems: [expect.stringMatching(/only a-z, 0-9, - and _/)] });
  });

  it('refuses an app name over 35 characters and a command description over 2,000, naming each', () => {
    const wordy = defineCommand({
      name: 'wordy',
      description: 'w'.repeat(2_001),
      options: [],
      examples: [],
      surfaces: ['chat'],
      run: async () => ({ parts: [], citations: [] }),
    });
    const checked = checkedSlackManifest({ commands: [...commands, wordy], prefix: 'briefbot', socketMode: true, appName: 'N'.repeat(39) });
    expect(checked).toEqual({
      problems: [
        `--name "${'N'.repeat(39)}" has 39 characters; Slack allows 35`,
        'the description of /briefbot-wordy has 2,001 characters; Slack allows 2,000',
      ],
    });
  });
});

describe('npm run slack:manifest', () => {
  it('prints YAML that parses back to the manifest', () => {
    const { code, out } = run([]);
    expect(code).toBe(0);
    const parsed = parse(out) as SlackManifest;
    expect(parsed).toEqual(slackManifest({ commands, prefix: 'briefbot', socketMode: false }));
  });

  it('prints JSON with --json, the prefix from --prefix, and Socket Mode with --socket', () => {
    const { code, out } = run(['--json', '--socket', '--prefix', 'bb']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as SlackManifest;
    expect(parsed.settings.socket_mode_enabled).toBe(true);
    expect(parsed.features.slash_commands.map((s) => s.command)).toContain('/bb-ask');
  });

  it('takes the prefix and Socket Mode from the environment when no argument says', () => {
    const { out } = run(['--json'], { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_COMMAND_PREFIX: 'news' });
    const parsed = JSON.parse(out) as SlackManifest;
    expect(parsed.settings.socket_mode_enabled).toBe(true);
    expect(parsed.features.slash_commands[0]!.command).toBe('/news');
  });

  it('uses the request URL given with --url', () => {
    const { out } = run(['--json', '--url', 'https://bot.example.com/slack/events']);
    expect((JSON.parse(out) as SlackManifest).settings.event_subscriptions.request_url).toBe('https://bot.example.com/slack/events');
  });

  it.each([
    [['--nope'], /Unknown option/],
    [['--url', 'bot.example.com'], /full public URL/],
    [['--url', 'https://x/slack/events', '--socket'], /exclude each other/],
    [['--prefix', 'Brief Bot'], /only a-z, 0-9/],
    [['--prefix', 'x'.repeat(30)], /use a prefix of at most 22 characters/],
    [['--name', 'A name far too long for the Slack app'], /has 37 characters; Slack allows 35/],
  ])('exits 2 with a one-line reason for %j', (argv, reason) => {
    const { code, out, err } = run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(reason);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});
