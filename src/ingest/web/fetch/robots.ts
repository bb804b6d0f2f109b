/**
 * robots.txt as RFC 9309 reads it: the group for our product token (else `*`), the longest
 * matching rule wins, `allow` wins a tie, `*` matches any run of characters and `$` ends a
 * pattern. Pages briefbot fetches are checked against it; the feeds a user asks to follow are
 * not pages crawled, and are not.
 */

interface Rule {
  readonly allow: boolean;
  readonly pattern: string;
  readonly regex: RegExp;
}

export interface RobotsRules {
  /** Whether `path` (with its query) may be fetched. */
  allows(path: string): boolean;
}

/** Everything allowed: no robots.txt (404), or one that says nothing about us. */
export const ALLOW_ALL: RobotsRules = { allows: () => true };
/** Nothing allowed: RFC 9309 says to assume so while robots.txt cannot be read (5xx, unreachable). */
export const DISALLOW_ALL: RobotsRules = { allows: () => false };

/**
 * The rules in `text` for the crawler whose product token is `agent` ("briefbot").
 *
 * @example parseRobots('User-agent: *\nDisallow: /private/\nAllow: /private/open', 'briefbot').allows('/private/open/a') === true
 */
export function parseRobots(text: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  const groups: { agents: string[]; rules: Rule[] }[] = [];
  let current: { agents: string[]; rules: Rule[] } | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1]!.toLowerCase();
    const value = match[2]!.trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || current === null) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (current === null || (key !== 'allow' && key !== 'disallow')) continue;
    // An empty Disallow allows everything: it is no rule at all.
    if (value === '') continue;
    current.rules.push({ allow: key === 'allow', pattern: value, regex: patternRegex(value) });
  }
  const ours = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = ours.length > 0 ? ours : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  if (rules.length === 0) return ALLOW_ALL;
  return {
    allows(path) {
      if (path === '/robots.txt') return true;
      let best: Rule | null = null;
      for (const rule of rules) {
        if (!rule.regex.test(path)) continue;
        if (best === null || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
      }
      return best === null || best.allow;
    },
  };
}

function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => encodePath(part).replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Paths compare percent-encoded, as URLs carry them: "/café" in robots.txt matches "/caf%C3%A9". */
function encodePath(text: string): string {
  return text.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
}
