/**
 * discord.js reconnects its gateway by itself, whatever happens, about every half second while
 * Discord is away, and says nothing a log would show. This sharding strategy (discord.js's own
 * `SimpleShardingStrategy`, given through the client's `ws.buildStrategy`) spaces those attempts
 * out with the adapter's backoff and reports each change of the connection to the link monitor:
 * closed (with why), waiting, and up again.
 */
import { SimpleShardingStrategy, type IShardingStrategy, type SessionInfo, type WebSocketOptions } from 'discord.js';
import { backoffBase, backoffDelay, type Backoff, type Waits } from '../link/backoff.ts';
import type { LinkMonitor } from '../link/link-monitor.ts';

/**
 * The gateway's manager (@discordjs/ws's, which discord.js hands to `buildStrategy`; its own
 * export of that name is an older class).
 */
type GatewayManager = Parameters<NonNullable<WebSocketOptions['buildStrategy']>>[0];

export interface GatewayHooks {
  readonly monitor: LinkMonitor;
  readonly backoff: Backoff;
  readonly waits: Waits;
  /** Aborted when the adapter stops: no attempt starts after that. */
  readonly signal: AbortSignal;
  /** How long a gateway connection may take to open (discord.js's default is 30 s). */
  readonly handshakeTimeoutMs?: number;
}

/**
 * Why the gateway closed, in words.
 *
 * @example gatewayCause(1006) === 'no connection to the gateway (1006)'
 */
export function gatewayCause(code: number): string {
  if (code === 1006) return 'no connection to the gateway (1006)';
  if (code >= 4000) return `Discord closed the gateway (${code})`;
  return `the gateway connection closed (${code})`;
}

/** The manager's shard events (@discordjs/ws's `WebSocketShardEvents`, shadowed in discord.js by an older enum). */
const CLOSED = 'closed' as string;
const READY = 'ready' as string;
const RESUMED = 'resumed' as string;

/** The `ws.buildStrategy` for a client; see the file comment. */
export function gatewayStrategy(hooks: GatewayHooks): (manager: GatewayManager) => IShardingStrategy {
  return (manager) => {
    if (hooks.handshakeTimeoutMs !== undefined) manager.options.handshakeTimeout = hooks.handshakeTimeoutMs;
    let failures = 0;
    const retrieve = manager.options.retrieveSessionInfo.bind(manager.options);
    // A shard reads its session before each connection attempt: the one place to wait first.
    manager.options.retrieveSessionInfo = async (shardId: number): Promise<SessionInfo | null> => {
      if (failures > 0) {
        const waitMs = backoffDelay(hooks.backoff, failures);
        hooks.monitor.retrying(waitMs, backoffBase(hooks.backoff, failures));
        await hooks.waits.sleep(waitMs, hooks.signal);
      }
      // Stopped while waiting: the client is destroyed, so this shard must never connect again.
      if (hooks.signal.aborted) return new Promise<never>(() => {});
      return retrieve(shardId);
    };
    manager.on(CLOSED, ({ code }: { readonly code: number }) => {
      if (hooks.signal.aborted) return;
      failures += 1;
      hooks.monitor.down(gatewayCause(code));
    });
    const up = () => {
      failures = 0;
      if (!hooks.signal.aborted) hooks.monitor.up();
    };
    manager.on(READY, up);
    manager.on(RESUMED, up);
    return new SimpleShardingStrategy(manager);
  };
}
