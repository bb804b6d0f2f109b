/**
 * Requests people type in plain words that another command answers better than `ask`:
 * "what's the latest", "what's new", "summarise the story", "what happened" → `brief`;
 * "timeline of the merger" → `timeline`. General English phrasings; a request about a topic
 * keeps the topic ("what's the latest on the strike" → brief the strike).
 */

export interface PlainRequest {
  /** The command that answers it. */
  readonly command: 'brief' | 'timeline';
  /** Its free text (the topic), or null for the whole story. */
  readonly topic: string | null;
}

// Said before or after a request without changing it.
const POLITE_START =
  /^(?:(?:hey|hi|ok|okay|so|please|pls)\s*,?\s+)*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+|i\s+(?:want|need|would like)\s+(?:to\s+know\s+)?)?/i;
const POLITE_END = /(?:\s*,?\s+(?:please|pls|thanks|thank you))?[\s.!?]*$/i;
// "the story", "the news", "everything": the whole story, no topic.
const WHOLE_STORY = /^(?:(?:the|this|our)\s+)?(?:story|stories|news|coverage|situation|articles?|everything|it|things|so far)(?:\s+so\s+far)?$/i;
const TOPIC = String.raw`(?:\s+(?:on|about|with|regarding|in|for|of|to|over|re)\s+(?<topic>.+))?`;

const PATTERNS: readonly (readonly [PlainRequest['command'], RegExp])[] = [
  [
    'brief',
    new RegExp(
      String.raw`^(?:what(?:'|’)?s|what\s+is|whats|any(?:thing)?|is\s+there\s+any(?:thing)?)\s+(?:the\s+)?(?:latest|new|news|newest|update)(?:\s+news)?${TOPIC}$`,
      'i',
    ),
  ],
  ['brief', new RegExp(String.raw`^(?:latest|news|updates?|the\s+latest)(?:\s+news)?${TOPIC}$`, 'i')],
  [
    'brief',
    /^(?:give\s+me\s+|tell\s+me\s+)?(?:summari[sz]e|sum\s+up|recap|catch\s+me\s+up|bring\s+me\s+up\s+to\s+speed|(?:a\s+)?summary|(?:an?\s+)?overview)(?:\s+(?:on|about|of|with|regarding|for))?(?:\s+(?<topic>.+))?$/i,
  ],
  [
    'brief',
    new RegExp(
      String.raw`^what(?:(?:'|’)?s\s+(?:been\s+)?happen(?:ing|ed)|\s+(?:has\s+)?happened)(?:\s+(?:so\s+far|lately|recently|today|this\s+week))?${TOPIC}$`,
      'i',
    ),
  ],
  ['timeline', new RegExp(String.raw`^(?:(?:give|show)\s+me\s+)?(?:an?\s+|the\s+)?(?:timeline|chronology)${TOPIC}$`, 'i')],
];

/**
 * The command a plain request goes to, or null when it is a question for `ask`.
 * @example routePlainRequest("What's the latest?") → { command: 'brief', topic: null }
 * @example routePlainRequest('summarise the strike please') → { command: 'brief', topic: 'the strike' }
 * @example routePlainRequest('timeline of the merger') → { command: 'timeline', topic: 'the merger' }
 * @example routePlainRequest('What happened to the ferry fares in May?') → { command: 'brief', topic: 'the ferry fares in May' }
 * @example routePlainRequest('Who founded the company?') → null
 */
export function routePlainRequest(text: string): PlainRequest | null {
  const request = text.trim().replace(POLITE_START, '').replace(POLITE_END, '').trim();
  if (request.length === 0 || request.length > 200) return null;
  for (const [command, pattern] of PATTERNS) {
    const match = pattern.exec(request);
    if (!match) continue;
    const topic = match.groups?.['topic']?.trim() ?? '';
    return { command, topic: topic === '' || WHOLE_STORY.test(topic) ? null : topic };
  }
  return null;
}
