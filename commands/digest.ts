/**
 * `digest subscribe [TIME] [TIMEZONE] [--days mon-fri] [--topic TEXT] [--quiet skip|notice]`,
 * `digest unsubscribe`, `digest status`, `digest now`: scheduled digests of what is new in the
 * story, per channel. On the CLI, `--channel slack:C0123` (or `slack:T01/C0123`) names the
 * channel. Subscribing and unsubscribing need the right to manage the channel; status and a
 * preview (shown to the asker only) do not. With the LLM writer configured, the digest's points
 * are written and checked like `ask` and `brief`; `digest now --json` says `"mode": "llm"` or
 * `"extractive"`.
 */
import type { CommandContext } from '../src/core/command.ts';
import { defineCommand, type OptionsOf } from '../src/core/define-command.ts';
import { echoValue } from '../src/core/command-text.ts';
import { UserError } from '../src/core/errors.ts';
import type { ChannelKey, DigestService, DigestStatus } from '../src/core/ports/digests.ts';
import type { Reply } from '../src/core/reply.ts';
import { describeSchedule, subscriptionSettings, TIME_EXAMPLE } from '../src/schedule/subscription-input.ts';

const ACTIONS = ['subscribe', 'unsubscribe', 'status', 'now'] as const;
type Action = (typeof ACTIONS)[number];

const OPTIONS = [
  { name: 'action', type: 'string', description: 'subscribe [TIME] [TIMEZONE], unsubscribe, status or now', rest: true, maxLength: 200 },
  { name: 'days', type: 'string', description: 'Days to post on: mon-fri, weekends, daily, mon,wed,fri (default daily)', maxLength: 60 },
  { name: 'topic', type: 'string', description: 'Only coverage on this topic (default: the whole story)', maxLength: 200 },
  { name: 'quiet', type: 'string', description: 'When nothing is new: skip (post nothing, default) or notice (one line)', maxLength: 10 },
  { name: 'channel', type: 'string', description: 'CLI only: the channel, as PLATFORM:ID (slack:C0123) or PLATFORM:WORKSPACE/ID', maxLength: 120 },
] as const;
type DigestOptions = OptionsOf<typeof OPTIONS>;

export const digest = defineCommand({
  name: 'digest',
  description: 'Scheduled digests of what is new: subscribe, unsubscribe, status, or now (a preview)',
  options: OPTIONS,
  examples: ['digest subscribe 09:00 Europe/London --days mon-fri', 'digest status', 'digest now', 'digest unsubscribe'],
  surfaces: ['chat', 'cli'],
  async run(options, context) {
    const service = context.digests;
    if (!service) throw new UserError('no-digests', 'Digests are not scheduled by this process: run the bot (npm start) with Slack or Discord configured.');
    const words = splitWords(options.action ?? '');
    const action = actionOf(words.shift());
    const key = channelOf(options, context, action);
    switch (action) {
      case 'subscribe':
        return subscribe(words, options, key!, service, context);
      case 'unsubscribe':
        allowedToManage(context);
        return lines((await service.unsubscribe(key!)) ? 'Unsubscribed: this channel gets no more digests.' : 'This channel has no digest subscription.');
      case 'status':
        return status(key!, service);
      case 'now':
        return { ...(await service.preview(key, options.topic ?? null)), ephemeral: true };
    }
  },
});

function actionOf(word: string | undefined): Action {
  const action = (word ?? 'status').toLowerCase();
  if ((ACTIONS as readonly string[]).includes(action)) return action as Action;
  throw new UserError('unknown-action', `${echoValue(action)} is not a digest action: use subscribe, unsubscribe, status or now, e.g. ${TIME_EXAMPLE}`, {
    usage: true,
  });
}

/**
 * Words as typed, "quoted words" kept together, and a cron-like run ("30 8 * * 1-5") as one.
 * `subscribe 30 8 * * 1-5 UTC` → ['subscribe', '30 8 * * 1-5', 'UTC']
 */
export function splitWords(text: string): string[] {
  const words = [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  const cronField = /^[\d*,/-]+$/;
  for (let i = 0; i + 5 <= words.length; i++) {
    if (words.slice(i, i + 5).every((w) => cronField.test(w)) && words.slice(i, i + 5).some((w) => w.includes('*'))) {
      words.splice(i, 5, words.slice(i, i + 5).join(' '));
    }
  }
  return words;
}

/** The channel the command is about: where it was typed, or on the CLI the one `--channel` names. */
function channelOf(options: DigestOptions, context: CommandContext, action: Action): ChannelKey | null {
  const { invoker } = context;
  const named = options.channel ?? '';
  if (named !== '') {
    if (invoker.platform !== 'cli' && invoker.platform !== 'console') {
      throw new UserError('channel-option', 'Run digest in the channel it is for; --channel is for the command line.', { usage: true });
    }
    const match = /^(slack|discord):(?:([\w-]+)\/)?([\w-]+)$/i.exec(named);
    if (!match) {
      throw new UserError(
        'invalid-channel',
        `${echoValue(named, 40)} is not a channel: give PLATFORM:ID, e.g. --channel slack:C0123ABCD or --channel discord:123456789012345678`,
        { usage: true },
      );
    }
    return { platform: match[1]!.toLowerCase(), workspace: match[2] ?? '', channel: match[3]! };
  }
  if (invoker.channel !== null && invoker.platform !== 'cli' && invoker.platform !== 'console') {
    return { platform: invoker.platform, workspace: invoker.workspace ?? '', channel: invoker.channel };
  }
  if (action === 'now') return null;
  throw new UserError('no-channel', `Say which channel: e.g. briefbot digest ${action} --channel slack:C0123ABCD`, { usage: true });
}

function allowedToManage(context: CommandContext): void {
  if (context.invoker.canManageChannel) return;
  throw new UserError(
    'not-allowed',
    "Only people who can manage this channel may subscribe or unsubscribe it (on Slack, workspace admins and the bot's admin list; on Discord, the Manage Channel permission). Anyone may use digest status and digest now.",
  );
}

async function subscribe(words: string[], options: DigestOptions, key: ChannelKey, service: DigestService, context: CommandContext): Promise<Reply> {
  allowedToManage(context);
  if (words.length > 2) throw new UserError('unexpected-text', `subscribe takes a time and a time zone, e.g. ${TIME_EXAMPLE}`, { usage: true });
  // A time has a digit, a colon or a cron star ("* * * * *" is a schedule, if not one we run);
  // a zone is a name ("UTC", "Europe/London").
  const time = words.find((w) => /[\d:*]/.test(w));
  const timezone = words.find((w) => w !== time);
  const settings = subscriptionSettings({ time, timezone, days: options.days, topic: options.topic, quiet: options.quiet });
  const { record, created, next } = await service.subscribe(key, settings, context.invoker.user);
  const when = describeSchedule(record, service.defaultTimezone);
  const zone = record.timezone ?? service.defaultTimezone;
  return {
    title: created ? 'Subscribed to digests' : 'Digest subscription updated',
    parts: [
      { kind: 'field', label: 'When', value: when },
      { kind: 'field', label: 'First digest', value: next ? formatIn(next, zone) : 'never (no days to run on)' },
      { kind: 'field', label: 'Topic', value: record.topic ?? 'the whole story' },
      { kind: 'field', label: 'Nothing new', value: record.empty === 'post' ? 'post one line' : 'post nothing' },
    ],
    citations: [],
    data: { subscription: { ...record }, created, next: next?.toISOString() ?? null },
  };
}

async function status(key: ChannelKey, service: DigestService): Promise<Reply> {
  const found: DigestStatus | null = await service.status(key);
  if (!found) return lines(`This channel has no digest subscription. Subscribe it with: ${TIME_EXAMPLE}`);
  const { subscription, timezone, nextRun, recentRuns, pendingArticles } = found;
  const lastRun = recentRuns[0];
  return {
    title: 'Digest status',
    parts: [
      { kind: 'field', label: 'When', value: describeSchedule(subscription, service.defaultTimezone) },
      ...(subscription.paused
        ? [
            {
              kind: 'field' as const,
              label: 'Paused',
              value: `since ${formatIn(new Date(subscription.paused.at), timezone)}: ${subscription.paused.reason}. Subscribe again to resume.`,
            },
          ]
        : []),
      { kind: 'field', label: 'Next run', value: nextRun ? formatIn(nextRun, timezone) : 'none' },
      {
        kind: 'field',
        label: 'Last run',
        value: lastRun ? `${formatIn(new Date(lastRun.slot), timezone)}: ${lastRun.state}${lastRun.error ? ` (${lastRun.error})` : ''}` : 'none yet',
      },
      { kind: 'field', label: 'Last posted', value: subscription.lastPosted ? formatIn(new Date(subscription.lastPosted.at), timezone) : 'never' },
      { kind: 'field', label: 'Topic', value: subscription.topic ?? 'the whole story' },
      {
        kind: 'field',
        label: 'Next digest',
        value:
          subscription.watermark === null
            ? `the story so far (${pendingArticles} articles)`
            : `${pendingArticles} new article${pendingArticles === 1 ? '' : 's'} so far (digest now shows it)`,
      },
    ],
    citations: [],
    data: { subscription: { ...subscription }, timezone, nextRun: nextRun?.toISOString() ?? null, recentRuns: [...recentRuns], pendingArticles },
  };
}

function lines(line: string): Reply {
  return { parts: [{ kind: 'lines', lines: [line] }], citations: [] };
}

/** "Tue, 24 Nov 2026, 09:00 Europe/London" */
function formatIn(instant: Date, zone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${text} ${zone}`;
}
