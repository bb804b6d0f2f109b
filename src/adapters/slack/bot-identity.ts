/**
 * Who the bot is in Slack (`auth.test`), asked with a client that does not retry: the link's
 * own loop decides when to ask again. Bolt's `authorize` reads the answer once known, so an
 * App can be built, and its receiver listen, before Slack has been reached.
 */
import type { AuthorizeResult, webApi } from '@slack/bolt';
import { slackAttemptFailure } from './slack-link.ts';
import { PlatformRefusedError } from '../../core/adapter.ts';

export interface SlackIdentity {
  readonly botUserId: string;
  readonly botId: string | undefined;
  readonly teamId: string | undefined;
}

export class BotIdentity {
  #known: SlackIdentity | undefined;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly token: string,
  ) {}

  /**
   * Asks Slack now. Resolves with the identity; rejects with `PlatformRefusedError` when Slack
   * refuses the token, or with the client's error when Slack could not be asked.
   */
  async check(): Promise<SlackIdentity> {
    let result: Awaited<ReturnType<webApi.WebClient['auth']['test']>>;
    try {
      result = await this.client.auth.test({ token: this.token });
    } catch (error) {
      const failure = slackAttemptFailure(error, 'SLACK_BOT_TOKEN');
      throw 'refused' in failure ? failure.refused : error;
    }
    if (typeof result.user_id !== 'string')
      throw new PlatformRefusedError('Slack', 'SLACK_BOT_TOKEN', 'not a bot token', 'auth.test names no bot user: set the Bot User OAuth Token (xoxb-…)');
    this.#known = { botUserId: result.user_id, botId: result.bot_id, teamId: result.team_id };
    return this.#known;
  }

  /** The identity, asking Slack only the first time. */
  async ensure(): Promise<SlackIdentity> {
    return this.#known ?? this.check();
  }

  /** Bolt's `authorize`: the one workspace this bot token belongs to. */
  readonly authorize = async (): Promise<AuthorizeResult> => {
    const identity = await this.ensure();
    return {
      botToken: this.token,
      botUserId: identity.botUserId,
      ...(identity.botId !== undefined ? { botId: identity.botId } : {}),
      ...(identity.teamId !== undefined ? { teamId: identity.teamId } : {}),
    };
  };
}
