import { describe, expect, it } from 'vitest';
import { plainSlackText, stripBotMention, withoutEmojiCodes } from '../../../src/adapters/slack/slack-text.ts';
import { directMessageOf, RecentEvents } from '../../../src/adapters/slack/conversation-events.ts';

describe('plainSlackText', () => {
  it('decodes the three entities Slack escapes', () => {
    expect(plainSlackText('R&amp;D &lt;3 &gt; 2')).toBe('R&D <3 > 2');
  });

  it('turns links, channels and mentions back into what a reader sees', () => {
    expect(plainSlackText('see <https://example.com/a|example.com/a> in <#C1|news>')).toBe('see example.com/a in #news');
    expect(plainSlackText('<!here> what did <@U0ALICE|alice> ask?')).toBe('@here what did @alice ask?');
    expect(plainSlackText('<!subteam^S1|@editors> and <https://example.com>')).toBe('@editors and https://example.com');
  });

  it('does not turn an escaped <!channel> back into markup: it stays text for the parser', () => {
    expect(plainSlackText('&lt;!channel&gt;')).toBe('<!channel>');
  });

  it('drops emoji shortcodes, so a message of emoji alone has no words left', () => {
    expect(plainSlackText(':wave: :+1::skin-tone-2:')).toBe('');
  });
});

describe('withoutEmojiCodes', () => {
  it('removes whole-word shortcodes and keeps times and ratios', () => {
    expect(withoutEmojiCodes('who said it :thinking_face: at 10:30:45?')).toBe('who said it at 10:30:45?');
    expect(withoutEmojiCodes('a ratio of 1:2:3')).toBe('a ratio of 1:2:3');
    expect(withoutEmojiCodes(':fire: Huawei news')).toBe('Huawei news');
  });
});

describe('stripBotMention', () => {
  it("removes the bot's mention and the comma or colon typed after it", () => {
    expect(stripBotMention('<@U0BOT> who founded it?', 'U0BOT')).toBe('who founded it?');
    expect(stripBotMention('hey <@U0BOT|briefbot>, sources', 'U0BOT')).toBe('hey sources');
  });

  it('keeps mentions of other people', () => {
    expect(stripBotMention('<@U0BOT>: what did <@U0ALICE> say?', 'U0BOT')).toBe('what did <@U0ALICE> say?');
  });
});

describe('directMessageOf', () => {
  const dm = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'sources', ts: '1.2' };

  it('reads a DM a person sent', () => {
    expect(directMessageOf(dm, 'U0BOT')).toEqual({ user: 'U1', channel: 'D1', text: 'sources', threadTs: undefined });
    expect(directMessageOf({ ...dm, thread_ts: '1.0' }, 'U0BOT')?.threadTs).toBe('1.0');
  });

  it('ignores edits, bots (this one included) and messages outside DMs', () => {
    expect(directMessageOf({ ...dm, subtype: 'message_changed' }, 'U0BOT')).toBeNull();
    expect(directMessageOf({ ...dm, bot_id: 'B1' }, 'U0BOT')).toBeNull();
    expect(directMessageOf({ ...dm, user: 'U0BOT' }, 'U0BOT')).toBeNull();
    expect(directMessageOf({ ...dm, channel_type: 'channel' }, 'U0BOT')).toBeNull();
  });
});

describe('RecentEvents', () => {
  it('counts a redelivered event once and forgets the oldest beyond its capacity', () => {
    const recent = new RecentEvents(2);
    expect(recent.firstTime('Ev1')).toBe(true);
    expect(recent.firstTime('Ev1')).toBe(false);
    recent.firstTime('Ev2');
    recent.firstTime('Ev3');
    expect(recent.firstTime('Ev1')).toBe(true);
    expect(recent.firstTime(undefined)).toBe(true);
  });
});
