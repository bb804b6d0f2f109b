/**
 * Bylines: the line naming who wrote the article ("By Jane Smith, Political Editor") and the
 * wire-copy credit lines at the end ("Reporting by …; Editing by …").
 */

const NAME_WORD = "(?:[A-Z][\\p{L}'’.-]*|[A-Z]\\.|(?:de|van|von|der|da|di|la|le|bin|al)(?=\\s))";
const NAME = `${NAME_WORD}(?:\\s+${NAME_WORD}){1,4}`;
const NAMES = `${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*`;
const BY_PREFIX = /^(?:by|words by|written by|story by|text by|author:?)\s+/i;
const BY_NAMES = new RegExp(`^(${NAMES})(?:\\s*(?:,|\\||-|–|—|\\bin\\b)\\s*(.*))?$`, 'u');
const WIRE_CREDIT = /^(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch)\s+by\s+[A-Z][^.]{0,150}\.?$/u;
const CALENDAR =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tomorrow|yesterday|christmas|easter)\b/i;

const ROLE =
  /\b(?:editor|correspondent|reporter|writer|columnist|contributor|journalist|staff|desk|news|analyst|producer|presenter|chief|senior|deputy|political|business|technology|science|health|sports?|in)\b/i;

/** "Jane Doe, Political Editor" → "Jane Doe": a comma-separated part naming a role ends the names. */
function withoutRoles(names: string): string {
  const parts = names.split(/\s*,\s*/);
  const kept: string[] = [];
  for (const part of parts) {
    if (kept.length > 0 && ROLE.test(part)) break;
    kept.push(part);
  }
  return kept.join(', ');
}

/**
 * Reads a byline. Returns the writer's name(s) ('' for a wire credit line that names editors
 * too), or null when the line is not a byline.
 *
 * Examples: "By Jane Smith, Technology Correspondent" → 'Jane Smith';
 * "Reporting by Kate Holton; Editing by Alison Williams" → ''; "By Monday the firm had
 * gone" → null; "By declaring their assets, people…" → null.
 */
export function readByline(text: string): string | null {
  if (text.length > 100) return WIRE_CREDIT.test(text) && text.length < 200 ? '' : null;
  if (WIRE_CREDIT.test(text)) return '';
  const prefix = BY_PREFIX.exec(text);
  if (!prefix) return null;
  const match = BY_NAMES.exec(text.slice(prefix[0].length));
  if (!match) return null;
  const names = withoutRoles(match[1]!);
  // "By Monday, March 3" and "By Christmas Day" are time phrases, not writers.
  if (CALENDAR.test(names)) return null;
  const tail = match[2] ?? '';
  // A byline tail is a role or a date, never a running sentence.
  if (/[.!?]$/.test(tail) && tail.split(' ').length > 8) return null;
  return names.trim();
}
