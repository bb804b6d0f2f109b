import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { prefixProblems, resolveSlashCommand, slashCommandName, umbrellaCommandName } from '../../../src/adapters/slack/command-names.ts';
import { notOursReply } from '../../../src/adapters/slack/slash-commands.ts';

const chat = commands.filter((c) => c.surfaces.includes('chat'));

describe('Slack slash command names', () => {
  it('names each command /PREFIX-NAME and the umbrella /PREFIX', () => {
    expect(slashCommandName('briefbot', 'ask')).toBe('/briefbot-ask');
    expect(umbrellaCommandName('bb')).toBe('/bb');
  });

  it("fits every chat command within Slack's limits with the default prefix", () => {
    expect(
      prefixProblems(
        'briefbot',
        chat.map((c) => c.name),
      ),
    ).toEqual([]);
  });

  it('says once why a prefix cannot work, however many commands it spoils', () => {
    expect(prefixProblems('Brief Bot', ['ask', 'brief'])).toEqual([expect.stringMatching(/Slack allows only a-z, 0-9, - and _/)]);
    const long = prefixProblems('x'.repeat(26), ['ask', 'brief', 'timeline']);
    expect(long).toHaveLength(1);
    expect(long[0]).toMatch(/makes 2 slash commands longer than Slack's 32 characters \(\/x{26}-timeline has 36\): use a prefix of at most 22 characters/);
    expect(prefixProblems('x'.repeat(22), ['ask', 'brief', 'timeline'])).toEqual([]);
  });

  it('resolves what Slack sends, case-insensitively, to a command, the umbrella, a retired name or a foreign one', () => {
    expect(resolveSlashCommand('/BriefBot-Ask', 'briefbot', chat)).toMatchObject({ kind: 'command', command: { name: 'ask' } });
    expect(resolveSlashCommand('/briefbot', 'briefbot', chat)).toEqual({ kind: 'umbrella' });
    expect(resolveSlashCommand('/briefbot-whois', 'briefbot', chat)).toEqual({ kind: 'retired', name: 'whois' });
    expect(resolveSlashCommand('/briefbotx', 'briefbot', chat)).toEqual({ kind: 'foreign' });
    expect(resolveSlashCommand('/briefbot-ingest', 'briefbot', chat)).toEqual({ kind: 'retired', name: 'ingest' });
  });

  it('tells the user what to type instead of a command that no longer exists', () => {
    expect(notOursReply({ kind: 'retired', name: 'whois' }, '/briefbot-whois', 'briefbot').notice).toBe(
      '/briefbot-whois is no longer a briefbot command. /briefbot-help lists the commands; /briefbot-ask takes a question in plain words.',
    );
    expect(notOursReply({ kind: 'foreign' }, '/bb-ask<!channel>', 'briefbot').notice).toMatch(/^\/bb-askchannel is not one of/);
  });
});
