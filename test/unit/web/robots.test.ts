import { describe, expect, it } from 'vitest';
import { parseRobots } from '../../../src/ingest/web/fetch/robots.ts';

describe('robots.txt', () => {
  const text = ['User-agent: *', 'Disallow: /private/', 'Allow: /private/open', 'Disallow: /*.pdf$', '', 'User-agent: OtherBot', 'Disallow: /'].join('\n');

  it('applies the group for everyone when none names us, longest rule first', () => {
    const rules = parseRobots(text, 'briefbot');
    expect(rules.allows('/news/harbour')).toBe(true);
    expect(rules.allows('/private/memo')).toBe(false);
    expect(rules.allows('/private/open/notes')).toBe(true);
    expect(rules.allows('/files/report.pdf')).toBe(false);
    expect(rules.allows('/files/report.pdf?x=1')).toBe(true);
  });

  it('prefers the group that names us, case-insensitively, with several agents on one group', () => {
    const rules = parseRobots('User-agent: *\nDisallow:\n\nUser-agent: Crawler\nUser-agent: BriefBot\nDisallow: /news/\n', 'briefbot');
    expect(rules.allows('/news/a')).toBe(false);
    expect(rules.allows('/sport/a')).toBe(true);
  });

  it('lets allow win a tie and allows everything when a group has no rules', () => {
    expect(parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n', 'briefbot').allows('/a')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow:\n', 'briefbot').allows('/anything')).toBe(true);
    expect(parseRobots('# nothing here\n', 'briefbot').allows('/anything')).toBe(true);
  });
});
