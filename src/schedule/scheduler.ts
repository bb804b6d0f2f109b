/**
 * The digest scheduler: a node-cron job per subscription, in its time zone, wakes at each
 * slot; node-cron's `distributed` run coordinator, backed by the store, claims the slot, so of
 * several processes sharing a database one posts it. A sweep every minute does the rest from
 * the store alone: it picks up subscriptions other processes saved, retries failed posts when
 * due, takes over claims whose process died before posting, and gives a slot missed while the
 * bot was down one catch-up digest (or records it skipped, per BRIEFBOT_DIGEST_MISSED).
 *
 * Only the newest slot of a subscription is ever claimed, so downtime yields one digest, not
 * a burst. `tick()` runs the sweep at the clock's time: tests drive everything through it.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { ChannelPoster } from '../core/adapter.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { DigestService } from '../core/ports/digests.ts';
import type { ProseWriter } from '../core/ports/writer.ts';
import type { SubscriptionRecord } from '../core/ports/digest-store.ts';
import type { Store } from '../core/ports/store.ts';
import { DEFAULT_RETRY, deliverClaimed, type DeliveryDeps, type DeliveryResult, type RetryPolicy } from './delivery.ts';
import { createDigestService } from './digest-service.ts';
import { cronExpression, isSlot, latestSlot } from './slots.ts';
import { scheduleOf } from './subscription-input.ts';

export interface DigestSchedulerConfig {
  readonly missed: 'catch-up' | 'skip';
  /** The zone of subscriptions that name none. */
  readonly timezone: string;
}

export interface DigestSchedulerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  /** The platforms this process posts to (read at each use, so it may be filled after). */
  readonly posters: readonly ChannelPoster[];
  readonly config: DigestSchedulerConfig;
  readonly retry?: RetryPolicy;
  /** Wake with node-cron (default true); tests drive `tick()` with their clock instead. */
  readonly cron?: boolean;
  /**
   * Instead of node-cron, whose wake-ups follow the real clock, sweep on a plain timer this
   * often (real milliseconds): the bot processes of an end-to-end test, whose clock is a file.
   */
  readonly sweepEveryMs?: number;
  /** Told when a channel is gone and its subscription paused: tell the admins. */
  readonly onPaused?: DeliveryDeps['onPaused'];
  /** This process's name in run records (default host:pid:random). */
  readonly owner?: string;
  /** The LLM writer digests are written with; absent, they are extractive. */
  readonly writer?: ProseWriter;
}

export interface DigestScheduler {
  start(): Promise<void>;
  /** Stops the jobs and waits for deliveries in flight. */
  stop(): Promise<void>;
  readonly service: DigestService;
  /** One sweep at the clock's time; resolves with what each delivery did. */
  tick(): Promise<readonly DeliveryResult[]>;
  /**
   * The platform is reachable again: posts that failed while it was away are retried now, not
   * at their backoff's time, so a digest that fell due during an outage is posted once it ends.
   */
  resume(platform: string): Promise<readonly DeliveryResult[]>;
}

/** A slot claimed within this long of its time is on time; later, it is a catch-up. */
const ON_TIME_MS = 2 * 60_000;
/** How long a claim holds before posting starts; then anyone may take it over. */
const CLAIM_LEASE_MS = 2 * 60_000;
/** How long a post may take (the platform clients retry inside) before it counts as abandoned. */
const POST_LEASE_MS = 10 * 60_000;
/** node-cron names the coordinator's keys `${task name}:${slot ISO}`. */
const TASK_PREFIX = 'digest-';

/** Builds the scheduler; `start()` it once the platforms it posts to are started. */
export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const log = deps.log.child({ component: 'digest-scheduler' });
  // Cron jobs and the every-minute sweep follow the real clock: off when a timer sweeps instead.
  const useCron = deps.cron !== false && deps.sweepEveryMs === undefined;
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // Read at each use: the composition root may add the adapters' posters after building this.
  const posterFor = (platform: string) => deps.posters.find((poster) => poster.platform === platform);
  const delivery: DeliveryDeps = {
    store: deps.store,
    clock: deps.clock,
    log,
    owner,
    retry: deps.retry ?? DEFAULT_RETRY,
    postLeaseMs: POST_LEASE_MS,
    ...(deps.onPaused ? { onPaused: deps.onPaused } : {}),
    ...(deps.writer ? { writing: { writer: deps.writer, log, timezone: deps.config.timezone } } : {}),
  };
  const jobs = new Map<number, { readonly task: ScheduledTask; readonly shape: string }>();
  const inFlight = new Set<Promise<unknown>>();
  let sweepTask: ScheduledTask | null = null;
  let sweepTimer: NodeJS.Timeout | null = null;
  let running = false;
  let sweeping: Promise<readonly DeliveryResult[]> | null = null;

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };

  const claim = (subscription: number, slot: Date, catchUp: boolean): Promise<boolean> => {
    const now = deps.clock.now();
    return deps.store.digests.claimRun({
      subscription,
      slot: slot.toISOString(),
      owner,
      at: now.toISOString(),
      leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
      catchUp,
    });
  };

  const deliver = async (subscription: SubscriptionRecord, slot: Date): Promise<DeliveryResult> => {
    const poster = posterFor(subscription.platform);
    if (!poster) return 'lost';
    return deliverClaimed({ subscription: subscription.id, slot: slot.toISOString() }, subscription, poster, delivery);
  };

  /** The sweep's work for one subscription: its newest due slot, if it is still to deliver. */
  const sweepOne = async (subscription: SubscriptionRecord, now: Date): Promise<DeliveryResult | null> => {
    if (subscription.paused || !posterFor(subscription.platform)) return null;
    const slot = latestSlot(scheduleOf(subscription, deps.config.timezone), now);
    if (!slot || slot.toISOString() < subscription.activeFrom) return null;
    const iso = slot.toISOString();
    const [last] = await deps.store.digests.runs(subscription.id, 1);
    // Most sweeps find the slot done or not yet due again: no write for them.
    if (last?.slot === iso) {
      const due =
        (last.state === 'retrying' && (last.nextAttemptAt ?? '') <= now.toISOString()) ||
        (last.state === 'claimed' && (last.leaseUntil ?? '') < now.toISOString());
      if (!due) return null;
    }
    const late = now.getTime() - slot.getTime() > ON_TIME_MS;
    if (late && deps.config.missed === 'skip' && (await deps.store.digests.recordMissed({ subscription: subscription.id, slot: iso }, now.toISOString()))) {
      log.info({ subscription: subscription.id, slot: iso }, 'slot missed while down: skipped (BRIEFBOT_DIGEST_MISSED=skip)');
      return null;
    }
    if (!(await claim(subscription.id, slot, late))) return null;
    if (late) log.info({ subscription: subscription.id, slot: iso }, 'catching up a digest');
    return deliver(subscription, slot);
  };

  const sweep = async (): Promise<readonly DeliveryResult[]> => {
    const now = deps.clock.now();
    for (const run of await deps.store.digests.abandonStalePosts(now.toISOString())) {
      log.warn(
        { subscription: run.subscription, slot: run.slot },
        'a digest post was abandoned mid-way; it may or may not have been posted, and is not posted again',
      );
    }
    const subscriptions = await deps.store.digests.subscriptions();
    if (running && useCron) reconcileJobs(subscriptions);
    const results: DeliveryResult[] = [];
    for (const subscription of subscriptions) {
      try {
        const result = await sweepOne(subscription, now);
        if (result) results.push(result);
      } catch (error) {
        log.error({ err: error, subscription: subscription.id }, 'digest sweep failed for a subscription');
      }
    }
    // What an end-to-end test waits for: this process has swept at this time.
    log.debug({ at: now.toISOString(), results }, 'digest sweep done');
    return results;
  };

  // One sweep at a time: a slow post must not let the next minute's sweep start another.
  const tick = (): Promise<readonly DeliveryResult[]> => {
    if (!sweeping) sweeping = track(sweep()).finally(() => (sweeping = null));
    return sweeping;
  };

  const coordinator = storeRunCoordinator(deps.store, deps.config.timezone, claim);

  const startJob = (subscription: SubscriptionRecord): ScheduledTask => {
    const schedule = scheduleOf(subscription, deps.config.timezone);
    const task = cron.createTask(
      cronExpression(schedule),
      async (context) => {
        const slot = new Date(context.date);
        slot.setUTCSeconds(0, 0);
        // The coordinator claimed the slot; read the subscription as it is now.
        const current = await deps.store.digests.subscriptionById(subscription.id);
        if (current)
          await track(deliver(current, slot)).catch((error: unknown) => log.error({ err: error, subscription: subscription.id }, 'digest delivery failed'));
      },
      {
        timezone: schedule.timezone,
        name: `${TASK_PREFIX}${subscription.id}`,
        distributed: true,
        runCoordinator: coordinator,
        distributedLease: CLAIM_LEASE_MS,
        noOverlap: true,
      },
    );
    void task.start();
    return task;
  };

  /** One job per active subscription this process can post to; jobs follow schedule changes. */
  const reconcileJobs = (subscriptions: readonly SubscriptionRecord[]): void => {
    const wanted = new Map(subscriptions.filter((s) => !s.paused && posterFor(s.platform)).map((s) => [s.id, s]));
    for (const [id, job] of jobs) {
      const subscription = wanted.get(id);
      if (!subscription || shapeOf(subscription, deps.config.timezone) !== job.shape) {
        void job.task.destroy();
        jobs.delete(id);
      }
    }
    for (const [id, subscription] of wanted) {
      if (!jobs.has(id)) jobs.set(id, { task: startJob(subscription), shape: shapeOf(subscription, deps.config.timezone) });
    }
  };

  const service = createDigestService({
    store: deps.store,
    clock: deps.clock,
    log: deps.log,
    timezone: deps.config.timezone,
    ...(deps.writer ? { writer: deps.writer } : {}),
    onChange: () => {
      if (running && useCron)
        void deps.store.digests.subscriptions().then(reconcileJobs, (error: unknown) => log.error({ err: error }, 'rescheduling digests failed'));
    },
  });

  return {
    service,
    tick,
    async resume(platform) {
      const due = await deps.store.digests.retryNow(platform, deps.clock.now().toISOString());
      if (due > 0) log.info({ platform, runs: due }, 'the platform is back: retrying the digests that failed while it was away');
      // A sweep already running may have read the runs before they were due: wait for it, then sweep.
      await sweeping?.catch(() => {});
      return tick();
    },
    async start() {
      running = true;
      if (useCron) {
        sweepTask = cron.createTask('0 * * * * *', () => void tick().catch((error: unknown) => log.error({ err: error }, 'digest sweep failed')), {
          name: 'digest-sweep',
          noOverlap: true,
        });
        void sweepTask.start();
      } else if (deps.sweepEveryMs !== undefined) {
        sweepTimer = setInterval(() => void tick().catch((error: unknown) => log.error({ err: error }, 'digest sweep failed')), deps.sweepEveryMs);
      }
      // At start: catch up what was missed while down, and schedule every subscription.
      await tick();
      log.info({ owner, subscriptions: jobs.size, missed: deps.config.missed }, 'digest scheduler started');
    },
    async stop() {
      running = false;
      if (sweepTask) await sweepTask.destroy();
      sweepTask = null;
      if (sweepTimer) clearInterval(sweepTimer);
      sweepTimer = null;
      for (const job of jobs.values()) await job.task.destroy();
      jobs.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}

function shapeOf(subscription: SubscriptionRecord, timezone: string): string {
  return `${subscription.time}|${subscription.days.join(',')}|${subscription.timezone ?? timezone}`;
}

/**
 * node-cron's `distributed` run coordinator, backed by the store: at each slot of task
 * `digest-ID`, the slot is this process's when the store gives it the claim. Keys that do not
 * name a live subscription's slot are refused (fail closed).
 *
 * @example await coordinator.shouldRun('digest-3:2026-06-01T08:00:00.000Z', 120000) → true once, false for every other process
 */
export function storeRunCoordinator(
  store: Store,
  timezone: string,
  claim: (subscription: number, slot: Date, catchUp: boolean) => Promise<boolean>,
): RunCoordinator {
  return {
    async shouldRun(key) {
      const match = new RegExp(`^${TASK_PREFIX}(\\d+):(.+)$`).exec(key);
      if (!match) return false;
      const subscription = await store.digests.subscriptionById(Number(match[1]));
      const slot = new Date(match[2]!);
      if (Number.isNaN(slot.getTime())) return false;
      slot.setUTCSeconds(0, 0);
      if (!subscription || subscription.paused || !isSlot(scheduleOf(subscription, timezone), slot)) return false;
      if (slot.toISOString() < subscription.activeFrom) return false;
      return claim(subscription.id, slot, false);
    },
  };
}
