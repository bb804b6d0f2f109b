/**
 * `npm run discord:deploy` against the fake Discord's REST API: the command JSON generated
 * from commands/, registered in one guild with DISCORD_GUILD_ID or globally without, and
 * only what changed is sent: a second deploy sends nothing but the GET that compares.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { CommandDefinition } from '../../src/core/command.ts';
import { discordCommandJson } from '../../src/adapters/discord/command-json.ts';
import { runDiscordDeploy } from '../../src/adapters/discord/deploy-run.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { TOKEN, WORLD } from '../fakes/discord/client-harness.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

async function deploy(env: Record<string, string | undefined>, list: readonly CommandDefinition[] = commands, argv: readonly string[] = []): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDiscordDeploy({ argv, env, commands: list, write: (l) => out.push(l), fail: (l) => err.push(l) });
  return { code, out, err };
}

const envFor = (f: FakeDiscord, guild: boolean) => ({
  DISCORD_TOKEN: TOKEN,
  DISCORD_APPLICATION_ID: f.applicationId,
  DISCORD_API_URL: f.apiUrl,
  ...(guild ? { DISCORD_GUILD_ID: f.guildIds[0] } : {}),
});

/** Requests that change the registry. */
const writes = (f: FakeDiscord) => f.requests.filter((r) => r.method !== 'GET' && r.path.includes('/commands'));

describe('npm run discord:deploy', () => {
  it('registers every chat command in the guild when DISCORD_GUILD_ID is set, then sends nothing on a second run', async () => {
    fake = await FakeDiscord.start(WORLD);
    const guildId = fake.guildIds[0]!;
    const wanted = discordCommandJson(commands);

    const first = await deploy(envFor(fake, true));
    expect(first).toMatchObject({ code: 0, err: [] });
    expect(
      fake
        .commands(guildId)
        .map((c) => c.name)
        .sort(),
    ).toEqual(wanted.map((c) => c.name).sort());
    expect(fake.commands()).toEqual([]);
    expect(first.out.join('\n')).toContain(`${wanted.length} created/updated, 0 removed (guild ${guildId})`);

    const mark = fake.requests.length;
    const second = await deploy(envFor(fake, true));
    expect(second.code).toBe(0);
    const sent = fake.requests.slice(mark);
    expect(sent.map((r) => r.method)).toEqual(['GET']);
    expect(second.out.join('\n')).toContain(`${wanted.length} unchanged, 0 created/updated, 0 removed`);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    fake = await FakeDiscord.start(WORLD);
    const run = await deploy(envFor(fake, false));
    expect(run.code).toBe(0);
    expect(
      fake
        .commands()
        .map((c) => c.name)
        .sort(),
    ).toEqual(
      discordCommandJson(commands)
        .map((c) => c.name)
        .sort(),
    );
    expect(fake.commands(fake.guildIds[0])).toEqual([]);
    expect(run.out.join('\n')).toMatch(/global/);
  });

  it('sends only the command that changed, and deletes one no longer defined', async () => {
    fake = await FakeDiscord.start(WORLD);
    const env = envFor(fake, true);
    const extra: CommandDefinition = { ...commands.find((c) => c.name === 'sources')!, name: 'retired', description: 'Gone soon' };
    await deploy(env, [...commands, extra]);
    const changed = commands.map((c) => (c.name === 'timeline' ? { ...c, description: 'What happened when, in order (changed)' } : c));

    const before = writes(fake).length;
    const run = await deploy(env, changed);
    const sent = writes(fake).slice(before);
    expect(run.code).toBe(0);
    expect(sent.map((r) => [r.method, (r.body as { name?: string } | undefined)?.name ?? r.route])).toEqual([
      ['POST', 'timeline'],
      ['DELETE', '/applications/:applicationId/guilds/:guildId/commands/:commandId'],
    ]);
    expect(fake.commands(fake.guildIds[0]).map((c) => c.name)).not.toContain('retired');
    expect(run.out).toContain('updated: /timeline');
    expect(run.out).toContain('removed: /retired');
  });

  it('prints the JSON it would register with --dry-run, sending nothing and needing no token', async () => {
    fake = await FakeDiscord.start(WORLD);
    const run = await deploy({ DISCORD_API_URL: fake.apiUrl }, commands, ['--dry-run']);
    expect(run).toMatchObject({ code: 0, err: [] });
    expect(JSON.parse(run.out.join('\n'))).toEqual(discordCommandJson(commands));
    expect(fake.requests).toEqual([]);
  });

  it('explains itself with --help, and refuses an unknown argument in one line with exit 2', async () => {
    const help = await deploy({}, commands, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out.join('\n')).toMatch(/--dry-run/);
    const wrong = await deploy({}, commands, ['--dryrun']);
    expect(wrong).toMatchObject({ code: 2, out: [], err: [expect.stringMatching(/--dryrun.*--help lists the options/)] });
  });

  it('says which variable is missing, and what Discord refused, in one line', async () => {
    expect(await deploy({})).toMatchObject({ code: 2, err: [expect.stringMatching(/^DISCORD_TOKEN is missing/)] });
    fake = await FakeDiscord.start(WORLD);
    expect(await deploy({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl })).toMatchObject({
      code: 2,
      err: [expect.stringMatching(/^DISCORD_APPLICATION_ID is missing/)],
    });
    const wrong = await deploy({ ...envFor(fake, true), DISCORD_TOKEN: 'not-the-token' });
    expect(wrong.code).toBe(1);
    expect(wrong.err.join('\n')).toMatch(/refused DISCORD_TOKEN/);
    expect(wrong.err.join('\n')).not.toContain('not-the-token');
  });
});
