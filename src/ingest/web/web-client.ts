/**
 * How briefbot fetches from the web, politely: one request at a time per host, a host that
 * answered 429 or 503 with Retry-After left alone until then, robots.txt read once an hour per
 * site and honoured for pages, a User-Agent naming the bot and where to read about it, and
 * every request through the guarded GET (http-get.ts).
 */
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import { httpGet, type HttpResult } from './fetch/http-get.ts';
import type { Resolver } from './fetch/guarded-lookup.ts';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsRules } from './fetch/robots.ts';
import { redactUrl } from './fetch/url-policy.ts';

export interface WebSettings {
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly allowPrivate: boolean;
  readonly resolver?: Resolver;
}

export interface GetOptions {
  /** A page (not a feed the user asked to follow): robots.txt must allow it. */
  readonly page?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface WebClient {
  get(url: string, options?: GetOptions): Promise<HttpResult>;
}

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'briefbot';
const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** A robots.txt that could not be read disallows everything (RFC 9309), for a shorter while. */
const ROBOTS_RETRY_MS = 10 * 60 * 1000;
const ROBOTS_MAX_BYTES = 512 * 1024;

/**
 * @example const web = createWebClient(settings, systemClock, log); await web.get('https://courier.example/news/a', { page: true })
 */
export function createWebClient(settings: WebSettings, clock: Clock, log: Logger): WebClient {
  const queues = new Map<string, Promise<unknown>>();
  const holds = new Map<string, number>();
  const robots = new Map<string, { rules: RobotsRules; until: number }>();

  /** Runs `task` after every earlier request to `host` has finished. */
  const serialised = <T>(host: string, task: () => Promise<T>): Promise<T> => {
    const before = queues.get(host) ?? Promise.resolve();
    const run = before.then(task, task);
    const settled = run.catch(() => undefined);
    queues.set(host, settled);
    void settled.then(() => {
      if (queues.get(host) === settled) queues.delete(host);
    });
    return run;
  };

  const fetchOnce = (url: string, headers?: Readonly<Record<string, string>>): Promise<HttpResult> => {
    const host = hostOf(url);
    return serialised(host, async () => {
      const until = holds.get(host) ?? 0;
      const now = clock.now().getTime();
      if (until > now) {
        return {
          kind: 'failed',
          url: redactUrl(url),
          reason: `${host} asked to be left alone until ${new Date(until).toISOString()}`,
          status: null,
          retryAfterMs: until - now,
        };
      }
      const result = await httpGet(url, { ...settings, now: () => clock.now(), ...(headers ? { headers } : {}) });
      if (result.kind === 'failed' && result.retryAfterMs !== null) {
        holds.set(host, clock.now().getTime() + result.retryAfterMs);
        log.info({ host, retryAfterMs: result.retryAfterMs }, 'the server asked us to wait');
      }
      return result;
    });
  };

  /** The site's rules, or the failure that kept us from the site at all (a refused address, no such host). */
  const rulesFor = async (url: URL): Promise<RobotsRules | HttpResult> => {
    const cached = robots.get(url.origin);
    if (cached && cached.until > clock.now().getTime()) return cached.rules;
    const result = await fetchOnce(`${url.origin}/robots.txt`);
    // The site could not be reached: the page cannot be either, and this says why.
    if (result.kind === 'failed' && result.status === null && result.retryAfterMs === null) return result;
    let rules: RobotsRules;
    let ttl = ROBOTS_TTL_MS;
    if (result.kind === 'ok') rules = result.body.length > ROBOTS_MAX_BYTES ? ALLOW_ALL : parseRobots(result.body.toString('utf8'), ROBOTS_AGENT);
    else if (result.kind === 'failed' && result.status !== null && result.status >= 400 && result.status < 500) rules = ALLOW_ALL;
    else {
      rules = DISALLOW_ALL;
      ttl = ROBOTS_RETRY_MS;
    }
    robots.set(url.origin, { rules, until: clock.now().getTime() + ttl });
    return rules;
  };

  return {
    async get(url, options = {}) {
      if (options.page) {
        let parsed: URL | null = null;
        try {
          parsed = new URL(url);
        } catch {
          parsed = null;
        }
        const rules = parsed ? await rulesFor(parsed) : ALLOW_ALL;
        if ('kind' in rules) return { ...rules, url: redactUrl(url) };
        if (parsed && !rules.allows(`${parsed.pathname}${parsed.search}`)) {
          return {
            kind: 'failed',
            url: redactUrl(url),
            reason: `${parsed.host}'s robots.txt does not allow briefbot to fetch this page`,
            status: null,
            retryAfterMs: null,
          };
        }
      }
      return fetchOnce(url, options.headers);
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * The User-Agent: the bot, its version, and a page about it for site owners.
 *
 * @example userAgent('0.1.0', null) === 'briefbot/0.1.0'
 * @example userAgent('0.1.0', 'https://github.com/example/briefbot') === 'briefbot/0.1.0 (+https://github.com/example/briefbot)'
 */
export function userAgent(version: string, about: string | null): string {
  return about ? `briefbot/${version} (+${about})` : `briefbot/${version}`;
}
