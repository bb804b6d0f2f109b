/**
 * Who may manage the bot in a Slack channel (digest subscriptions, admin commands): the
 * users listed in SLACK_ADMIN_USERS, and the workspace's admins and owners as `users.info`
 * reports them. Answers are cached briefly, so a burst of commands costs one lookup while a
 * promotion or demotion still takes effect within minutes.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import { describeSlackFailure } from './slack-errors.ts';

export interface ManagerCheckOptions {
  readonly adminUsers: readonly string[];
  /** How long an answer from `users.info` is trusted. */
  readonly cacheMs: number;
}

export class ManagerCheck {
  private readonly admins: ReadonlySet<string>;
  private readonly cache = new Map<string, { readonly allowed: boolean; readonly until: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly options: ManagerCheckOptions,
    private readonly log: Logger,
  ) {
    this.admins = new Set(options.adminUsers);
  }

  /**
   * Whether this user may manage channels. A lookup that fails counts as no (and is not
   * cached), so a Slack outage never grants a permission.
   */
  async canManage(user: string): Promise<boolean> {
    if (this.admins.has(user)) return true;
    const now = Date.now();
    const cached = this.cache.get(user);
    if (cached && cached.until > now) return cached.allowed;
    try {
      const answer = await this.client.users.info({ user });
      const allowed = answer.user?.is_admin === true || answer.user?.is_owner === true || answer.user?.is_primary_owner === true;
      this.remember(user, allowed, now);
      return allowed;
    } catch (error) {
      this.log.warn({ ...describeSlackFailure(error), user }, 'could not look up the user; treating them as not a manager');
      return false;
    }
  }

  private remember(user: string, allowed: boolean, now: number): void {
    // A workspace has finitely many users, but a bound keeps a long-running bot's memory flat.
    if (this.cache.size >= 5_000) this.cache.clear();
    this.cache.set(user, { allowed, until: now + this.options.cacheMs });
  }
}
