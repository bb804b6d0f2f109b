/**
 * The fake workspace's state: who and what exists (users, channels, DMs), the messages
 * the app has sent, and the response_urls handed out. The Web API and the deliveries
 * read and change it; tests read it through FakeSlack.
 */
import type { FakeChannel, FakeUser, PostedMessage } from './types.ts';

export interface ChannelState {
  readonly id: string;
  readonly name: string;
  readonly isPrivate: boolean;
  readonly isIm: boolean;
  readonly isMember: boolean;
  /** For a DM: the other member. */
  readonly user?: string;
}

/** A message currently visible in a channel, after updates and deletes. */
export interface LiveMessage {
  readonly ts: string;
  readonly channel: string;
  readonly text?: string;
  readonly blocks?: readonly unknown[];
  readonly threadTs?: string;
  readonly user: string;
}

export interface ResponseUrlGrant {
  readonly id: string;
  readonly channel: string;
  readonly user: string;
  /** For a block action: the message the button was on (what `replace_original` replaces). */
  readonly messageTs?: string;
  uses: number;
}

/** Slack allows five posts to one response_url (within 30 minutes). */
export const RESPONSE_URL_MAX_USES = 5;

export class Workspace {
  private readonly users = new Map<string, FakeUser>();
  private readonly channels = new Map<string, ChannelState>();
  private readonly dms = new Map<string, string>();
  private readonly live = new Map<string, Map<string, LiveMessage>>();
  private readonly grants = new Map<string, ResponseUrlGrant>();
  private readonly log: PostedMessage[] = [];
  private tsCounter = 0;
  private idCounter = 0;

  constructor(users: readonly FakeUser[], channels: readonly FakeChannel[]) {
    for (const user of users) this.users.set(user.id, user);
    for (const channel of channels) {
      this.channels.set(channel.id, {
        id: channel.id,
        name: channel.name,
        isPrivate: channel.isPrivate ?? false,
        isIm: false,
        isMember: channel.isMember ?? true,
      });
    }
  }

  user(id: string): FakeUser | undefined {
    return this.users.get(id);
  }

  allUsers(): readonly FakeUser[] {
    return [...this.users.values()];
  }

  allChannels(): readonly ChannelState[] {
    return [...this.channels.values()];
  }

  channel(id: string): ChannelState | undefined {
    return this.channels.get(id);
  }

  /** The DM channel between the bot and a user, made the first time it is asked for. */
  dmChannelFor(userId: string): string {
    const existing = this.dms.get(userId);
    if (existing) return existing;
    const id = `D${String(this.dms.size + 1).padStart(8, '0')}`;
    this.dms.set(userId, id);
    this.channels.set(id, { id, name: userId, isPrivate: true, isIm: true, isMember: true, user: userId });
    return id;
  }

  /** A channel id, or a user id (Slack posts to the bot's DM with that user). */
  resolveChannel(idOrUser: string): ChannelState | undefined {
    if (this.users.has(idOrUser)) return this.channels.get(this.dmChannelFor(idOrUser));
    return this.channels.get(idOrUser);
  }

  /** A new message timestamp, unique and increasing, in Slack's `seconds.micros` form. */
  nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}${String(this.idCounter).padStart(8, '0')}`;
  }

  record(message: PostedMessage): void {
    this.log.push(message);
  }

  messagesIn(channel: string): readonly PostedMessage[] {
    return this.log.filter((m) => m.channel === channel);
  }

  allMessages(): readonly PostedMessage[] {
    return [...this.log];
  }

  putLive(message: LiveMessage): void {
    let inChannel = this.live.get(message.channel);
    if (!inChannel) {
      inChannel = new Map();
      this.live.set(message.channel, inChannel);
    }
    inChannel.set(message.ts, message);
  }

  liveMessage(channel: string, ts: string): LiveMessage | undefined {
    return this.live.get(channel)?.get(ts);
  }

  deleteLive(channel: string, ts: string): boolean {
    return this.live.get(channel)?.delete(ts) ?? false;
  }

  /** Visible, non-ephemeral messages in ts order, as a user scrolling the channel would see them. */
  history(channel: string): readonly LiveMessage[] {
    return [...(this.live.get(channel)?.values() ?? [])].sort((a, b) => Number(a.ts) - Number(b.ts));
  }

  grantResponseUrl(channel: string, user: string, messageTs?: string): ResponseUrlGrant {
    const grant: ResponseUrlGrant = { id: this.nextId('R'), channel, user, messageTs, uses: 0 };
    this.grants.set(grant.id, grant);
    return grant;
  }

  responseUrlGrant(id: string): ResponseUrlGrant | undefined {
    return this.grants.get(id);
  }
}
