/**
 * The Slack adapter end to end, beyond the contract: Slack's three seconds, signatures,
 * Socket Mode, rate limits and outages, inert text, errors with ids, secrets kept out of the
 * log, and bad input. The real Bolt runs against the fake Slack on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands as registry } from '../../commands/index.ts';
import { ChannelGoneError, PartialPostError } from '../../src/core/adapter.ts';
import { renderSlack } from '../../src/render/slack-blocks.ts';
import { systemClock } from '../../src/core/clock.ts';
import type { CommandContext, CommandDefinition } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { openNetworkHandles } from '../fakes/slack/index.ts';
import { asPosted, CHANNEL, FAST_RETRY, pings, startSlack, USER, visibleText, type SlackRig } from './slack-harness.ts';

/** Secrets unlike the fake's defaults, so a leak cannot hide behind a default. */
const SECRETS = {
  botToken: 'xoxb-4242-e2e-bot-SECRET-tokenvalue',
  appToken: 'xapp-1-A0APP-e2e-app-SECRET-tokenvalue',
  signingSecret: 'e2e-signing-SECRET-0f9c3a',
};

const HOSTILE = '@everyone the harbour is closed, says @here and <@&123> and <!channel> and <!here> and <@U0ALICE>. *Bold* `code`';

/** A command that runs until the test opens its gate. */
function gatedCommand(): { command: CommandDefinition; started: Promise<void>; open: () => void } {
  let open!: () => void;
  let markStarted!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const command: CommandDefinition = {
    name: 'slow',
    description: 'Answers once the test lets it',
    options: [],
    examples: ['slow'],
    surfaces: ['chat'],
    run: async (): Promise<Reply> => {
      markStarted();
      await gate;
      return { parts: [{ kind: 'text', text: 'The slow answer.', cites: [] }], citations: [] };
    },
  };
  return { command, started, open };
}

const BOOM: CommandDefinition = {
  name: 'boom',
  description: 'Always fails',
  options: [],
  examples: ['boom'],
  surfaces: ['chat'],
  run: () => Promise.reject(new Error('the composer exploded: disk on fire')),
};

const HOSTILE_COMMAND: CommandDefinition = {
  name: 'hostile',
  description: 'Answers with hostile article text',
  options: [],
  examples: ['hostile'],
  surfaces: ['chat'],
  run: async (): Promise<Reply> => ({
    title: '<!channel> breaking',
    parts: [
      { kind: 'text', text: HOSTILE, cites: [1] },
      { kind: 'quote', text: '@here read this <!everyone>', speaker: '<@U0ALICE>', role: '<!subteam^S1|@editors>', cites: [1] },
    ],
    citations: [{ n: 1, article: 'a1', outlet: '<!here> Times', title: '@channel news', published: '2024-01-01', url: 'https://example.com/a', text: 'x' }],
  }),
};

let store: Store;
let rig: SlackRig | undefined;
const allLogs: string[] = [];

beforeAll(() => {
  store = openSqliteStore(':memory:');
});

afterEach(async () => {
  if (rig) {
    await rig.stop();
    allLogs.push(...rig.log.raw);
    rig = undefined;
  }
  expect(await openNetworkHandles()).toEqual([]);
});

afterAll(async () => {
  await store.close();
});

const chat = registry.filter((c) => c.surfaces.includes('chat'));

function start(extra: readonly CommandDefinition[] = [], options: Partial<Parameters<typeof startSlack>[0]> = {}): Promise<SlackRig> {
  return startSlack({
    commands: [...chat, ...extra],
    services: { store, clock: systemClock },
    fake: SECRETS,
    ...options,
  }).then((started) => (rig = started));
}

const text = (messages: Parameters<typeof asPosted>[0]) =>
  asPosted(messages)
    .map((m) => m.text)
    .join('\n');

describe("Slack's three seconds", () => {
  it('acknowledges a slash command at once while the command is still working, then answers', async () => {
    const slow = gatedCommand();
    const slack = await start([slow.command], { tuning: { workingAfterMs: 20 } });
    const from = slack.log.lines.length;

    const result = await slack.fake.http.slashCommand({ command: '/briefbot-slow', channel: CHANNEL });
    await slow.started;
    expect(result.status).toBe(200);
    // The one timed assertion the issue asks for: Slack gives up after 3 s.
    expect(result.ackMs).toBeLessThan(3_000);
    // A bare ack shows nothing; the user sees "working…" next, while the command still runs.
    expect(result.body).toBe('');
    const working = await slack.fake.waitFor((c) => c.method === 'response_url');
    expect(JSON.stringify(working.args)).toContain('Working on it');
    expect(slack.log.lines.slice(from).some((l) => l.msg === 'answered')).toBe(false);

    slow.open();
    await slack.log.waitForLine((l) => l.msg === 'answered', from);
    const answer = slack.fake
      .messagesIn(CHANNEL)
      .filter((m) => m.via === 'response_url')
      .at(-1)!;
    expect(visibleText(answer)).toContain('The slow answer.');
  });
});

describe('signatures', () => {
  it('refuses a request with a bad signature, or signed more than five minutes from now either way, with 401 and never answers it', async () => {
    let runs = 0;
    const counted: CommandDefinition = {
      ...BOOM,
      name: 'count',
      run: async () => {
        runs += 1;
        return { parts: [], citations: [], notice: 'counted' };
      },
    };
    const slack = await start([counted]);

    for (const signing of ['bad-signature', 'stale-timestamp', 'future-timestamp', 'unsigned'] as const) {
      const refused = await slack.fake.http.slashCommand({ command: '/briefbot-count', channel: CHANNEL }, { signing });
      expect(refused.status, signing).toBe(401);
    }
    // A good request after the bad ones: once it is answered, anything the bad ones caused would have shown.
    const answered = await slack.slash('/briefbot-count', '');
    expect(runs).toBe(1);
    expect(text(answered)).toContain('counted');
    expect(slack.fake.messages).toHaveLength(1);
  });
});

describe('Socket Mode', () => {
  it('connects with the app token and answers a slash command, a mention and a DM over the socket', async () => {
    const slack = await start([], { socketMode: true });
    expect(slack.fake.callsTo('apps.connections.open')).toHaveLength(1);
    expect(slack.adapter.requestUrl).toBeUndefined();

    const from = slack.fake.socket.acks.length;
    expect(text(await slack.slash('/briefbot-sources', ''))).toMatch(/article/i);
    const ack = slack.fake.socket.acks[from]!;
    expect(ack.type).toBe('slash_commands');
    expect(ack.ackMs).toBeLessThan(3_000);

    expect((await slack.mention('help')).map((m) => m.text).join('\n')).toMatch(/ask/);
    expect((await slack.directMessage('sources')).map((m) => m.text).join('\n')).toMatch(/article/i);
  });
});

describe('rate limits and outages', () => {
  it('retries a response_url that answers 503, then delivers', async () => {
    const slack = await start();
    slack.fake.failNext({ method: 'response_url', status: 503, times: 2 });
    const messages = await slack.slash('/briefbot-sources', '');
    expect(text(messages)).toMatch(/article/i);
    expect(slack.fake.callsTo('response_url').map((c) => c.outcome.status)).toEqual([503, 503, 200]);
    expect(slack.fake.pendingFailures()).toBe(0);
  });

  it("waits out a 429 from chat.postMessage as Retry-After asks, then posts the mention's answer", async () => {
    const slack = await start();
    slack.fake.failNext({ method: 'chat.postMessage', status: 429, retryAfter: 1 });
    const messages = await slack.mention('sources');
    expect(messages.map((m) => m.text).join('\n')).toMatch(/article/i);
    const posts = slack.fake.callsTo('chat.postMessage');
    expect(posts.map((c) => c.outcome.status)).toEqual([429, 200]);
    // The Web API client read Retry-After (it logs through the adapter's pino logger).
    expect(slack.log.lines.some((l) => l.lib === 'bolt' && /rate limiting\. Will retry in 1 seconds/.test(String(l.msg)))).toBe(true);
  });

  it('retries 5xx from chat.postMessage, logs the failure when Slack stays down, and keeps serving', async () => {
    const slack = await start();
    slack.fake.failNext({ method: 'chat.postMessage', status: 502, times: 2 });
    expect((await slack.mention('sources')).map((m) => m.text).join('\n')).toMatch(/article/i);

    // Down for longer than the retries last: the answer is lost, the failure logged, and the
    // asker told privately, with the error id the log carries.
    slack.fake.failNext({ method: 'chat.postMessage', status: 503, times: FAST_RETRY.retries + 1 });
    const from = slack.log.lines.length;
    const apology = await slack.mention('sources');
    expect(slack.fake.pendingFailures()).toBe(0);
    const failure = slack.log.lines.slice(from).find((l) => l.msg === 'could not deliver the answer');
    expect(failure).toMatchObject({ level: 50, status: 503, errorId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(apology).toEqual([{ text: expect.stringContaining(`could not be posted here (error ${String(failure?.errorId)})`), ephemeral: true, pings: false }]);
    expect(slack.log.lines.slice(from).find((l) => l.msg === 'answered')).toMatchObject({ delivered: false, errorId: failure?.errorId });
    expect((await slack.mention('sources')).map((m) => m.text).join('\n')).toMatch(/article/i);
  });
});

describe('posting digests to a channel', () => {
  const digest: Reply = { title: 'Daily digest', parts: [{ kind: 'text', text: HOSTILE, cites: [] }], citations: [] };

  it('posts a reply, waiting out a 429 and retrying a 500', async () => {
    const slack = await start();
    slack.fake.failNext({ method: 'chat.postMessage', status: 429, retryAfter: 1 });
    slack.fake.failNext({ method: 'chat.postMessage', status: 500 });
    await slack.adapter.poster.post(CHANNEL, digest);
    const posted = slack.fake.messagesIn(CHANNEL);
    expect(posted).toHaveLength(1);
    expect(posted.some(pings)).toBe(false);
    expect(visibleText(posted[0]!)).toContain('@everyone the harbour is closed');
    expect(slack.fake.callsTo('chat.postMessage').map((c) => c.outcome.status)).toEqual([429, 500, 200]);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('throws ChannelGoneError when Slack answers %s', async (error) => {
    const slack = await start();
    slack.fake.failNext({ method: 'chat.postMessage', error });
    const thrown = await slack.adapter.poster.post(CHANNEL, digest).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ChannelGoneError);
    expect(thrown).toMatchObject({ platform: 'slack', channel: CHANNEL, reason: error });
  });

  it('posts only the rest of a long reply from fromPart, and says how much reached the channel when it fails', async () => {
    const slack = await start();
    const paragraph = (n: number) => `Paragraph ${n}: ${'the harbour authority said the port would reopen on Monday. '.repeat(40)}`;
    const long: Reply = { parts: Array.from({ length: 24 }, (_, n) => ({ kind: 'text' as const, text: paragraph(n), cites: [] })), citations: [] };
    const messages = renderSlack(long);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    await slack.adapter.poster.post(CHANNEL, long, { fromPart: 1 });
    expect(slack.fake.messagesIn(CHANNEL).map((m) => m.text)).toEqual(messages.slice(1).map((m) => m.text));

    // A retry that fails on its first message: what an earlier attempt posted is still counted.
    slack.fake.failNext({ method: 'chat.postMessage', status: 503, times: 10 });
    const thrown = await slack.adapter.poster.post(CHANNEL, long, { fromPart: 2 }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(PartialPostError);
    expect(thrown).toMatchObject({ posted: 2, total: messages.length });
  });

  it('throws a plain error, logged, when Slack stays down beyond the retries', async () => {
    const slack = await start();
    slack.fake.failNext({ method: 'chat.postMessage', status: 503, times: 10 });
    const thrown = await slack.adapter.poster.post(CHANNEL, digest).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(ChannelGoneError);
    expect(slack.log.lines.find((l) => l.msg === 'posting to the channel failed')).toMatchObject({ status: 503, channel: CHANNEL });
  });
});

describe('untrusted text', () => {
  it('posts article text with @everyone, @here, <!channel>, <!here> and <@&123> inert, and readable', async () => {
    const slack = await start([HOSTILE_COMMAND]);
    const messages = await slack.slash('/briefbot-hostile', '');
    const inChannel = await slack.mention('hostile');
    const posted = [...asPosted(messages), ...inChannel];
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.some((m) => m.pings)).toBe(false);
    for (const m of posted) {
      expect(m.text).toContain('@everyone the harbour is closed, says @here and <@&123> and <!channel> and <!here>');
      expect(m.text).toContain('Times');
    }
  });
});

describe('errors', () => {
  it('answers a command that throws with a short ephemeral message and an error id; the pino log has the cause', async () => {
    const slack = await start([BOOM]);
    const messages = asPosted(await slack.slash('/briefbot-boom', ''));
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.ephemeral).toBe(true);
    expect(message!.text.length).toBeLessThan(300);
    expect(message!.text).not.toMatch(/disk on fire|\bat \S+ \(/);
    const id = /\berror ([0-9a-f]{8})\b/.exec(message!.text)?.[1];
    expect(id, message!.text).toBeDefined();
    const logged = slack.log.lines.find((l) => l.errorId === id && l.level === 50)!;
    expect(logged).toMatchObject({ msg: 'command failed', command: 'boom', err: { message: 'the composer exploded: disk on fire' } });
    expect(String((logged.err as { stack?: string }).stack)).toContain('slack-adapter.test.ts');

    // A mention that throws is answered the same way, in its thread, still serving.
    expect((await slack.mention('boom')).map((m) => m.text).join('\n')).toMatch(/\berror [0-9a-f]{8}\b/);
    expect(text(await slack.slash('/briefbot-sources', ''))).toMatch(/article/i);
  });
});

describe('bad input', () => {
  it('answers an unknown command typed after /briefbot with "did you mean"', async () => {
    const slack = await start();
    const [message] = asPosted(await slack.slash('/briefbot', 'sorces'));
    expect(message).toMatchObject({ ephemeral: true });
    expect(message!.text).toMatch(/Unknown command "sorces": did you mean sources/);
  });

  it('answers a slash command that no longer exists, and one under another prefix, with a short note', async () => {
    const slack = await start();
    const [retired] = asPosted(await slack.slash('/briefbot-whois', 'said it'));
    expect(retired!.text).toContain('/briefbot-whois is no longer a briefbot command');
    expect(retired!.text).toContain('/briefbot-help');
    const [foreign] = asPosted(await slack.slash('/bb-ask', 'who?'));
    expect(foreign!.text).toContain('start with /briefbot-');
  });

  it('answers a 4,000-character argument with a short message, never echoing it whole', async () => {
    const slack = await start();
    const long = 'harbour '.repeat(500).slice(0, 4_000);
    for (const command of ['/briefbot-ask', '/briefbot-quote', '/briefbot-timeline']) {
      const messages = asPosted(await slack.slash(command, long));
      expect(messages, command).toHaveLength(1);
      expect(messages[0]!.ephemeral, command).toBe(true);
      expect(messages[0]!.text.length, command).toBeLessThan(400);
      expect(messages[0]!.text, command).not.toMatch(/\bat \S+ \(|Error:/);
    }
  });

  it('answers a mention with no question with a hint in the thread', async () => {
    const slack = await start();
    const messages = await slack.exchange(() => slack.fake.http.mention({ text: '', channel: CHANNEL }));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.threadTs).toBeDefined();
    expect(visibleText(messages[0]!)).toMatch(/Ask me about the story/);
  });

  it('answers a DM holding only an emoji with a hint', async () => {
    const slack = await start();
    const messages = await slack.exchange(() => slack.fake.http.directMessage({ text: ':wave: 🙂', user: USER }));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.channel).toBe(slack.fake.dmChannelFor(USER));
    expect(visibleText(messages[0]!)).toMatch(/Ask me about the story/);
  });

  it('acknowledges a button from an older version and says so privately', async () => {
    const slack = await start();
    const result = await slack.fake.http.blockAction({ actionId: 'old_more_button', channel: CHANNEL });
    expect(result.status).toBe(200);
    const call = await slack.fake.waitFor((c) => c.method === 'response_url');
    expect(call.args).toMatchObject({ response_type: 'ephemeral' });
    expect(String(call.args.text)).toContain('older version of briefbot');
  });
});

describe('what commands are given', () => {
  const seen: string[] = [];
  const CONTEXT: CommandDefinition = {
    name: 'whoami',
    description: 'Reports what its context holds',
    options: [],
    examples: ['whoami'],
    surfaces: ['chat'],
    run: async (_options, context) => {
      const { platform, user, channel, workspace, canManageChannel } = context.invoker;
      seen.push(
        JSON.stringify({ platform, user, channel, workspace, canManageChannel, writer: context.writer?.label, digests: context.digests?.defaultTimezone }),
      );
      return { parts: [], citations: [], notice: 'noted' };
    },
  };
  const ADMIN: CommandDefinition = { ...CONTEXT, name: 'manage', admin: true, run: async () => ({ parts: [], citations: [], notice: 'managed' }) };

  it('passes the writer and the digests into every command context, with who asked and where', async () => {
    const writer = {
      label: 'test writer',
      write: () => {
        throw new Error('not used');
      },
    };
    const digests = { defaultTimezone: 'Europe/Paris' } as unknown as NonNullable<CommandContext['digests']>;
    const slack = await startSlack({ commands: [CONTEXT], services: { store, clock: systemClock, writer, digests }, fake: SECRETS });
    rig = slack;
    await slack.slash('/briefbot-whoami', '');
    await slack.mention('whoami');
    await slack.directMessage('whoami');
    const expected = { platform: 'slack', user: USER, workspace: 'T0TEAM', canManageChannel: false, writer: 'test writer', digests: 'Europe/Paris' };
    expect(seen.map((line) => JSON.parse(line) as object)).toEqual([
      { ...expected, channel: CHANNEL },
      { ...expected, channel: CHANNEL },
      { ...expected, channel: slack.fake.dmChannelFor(USER) },
    ]);
  });

  it('lets a workspace admin run an admin command and refuses anyone else, privately', async () => {
    const slack = await start([ADMIN]);
    const refused = asPosted(await slack.slash('/briefbot-manage', ''));
    expect(refused).toMatchObject([{ ephemeral: true }]);
    expect(refused[0]!.text).toMatch(/Only people who can manage this channel/);
    const allowed = await slack.exchange(() => slack.fake.http.slashCommand({ command: '/briefbot-manage', user: 'U0BOSS', channel: CHANNEL }));
    expect(text(allowed)).toContain('managed');
  });
});

describe('the harness itself', () => {
  it('calls a message pinging when it holds a raw special mention, and not when the mention is escaped', () => {
    for (const raw of ['<!channel> hi', 'hi <!here>', '<@U0ALICE>', '<!subteam^S1>', 'ping @everyone now']) expect(pings({ text: raw }), raw).toBe(true);
    for (const inert of ['&lt;!channel&gt; hi', '@\u200Beveryone', 'mail me@here.example']) expect(pings({ text: inert }), inert).toBe(false);
  });
});

describe('secrets', () => {
  it('never writes a token or the signing secret to the log of any test above', () => {
    expect(allLogs.length).toBeGreaterThan(50);
    const all = allLogs.join('\n');
    for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/xox[a-z]-\d|xapp-\d/);
  });
});
