import { describe, expect, it } from 'vitest';
import { bannerExamples, indexLine, welcomeBanner } from '../../../src/adapters/console/banner.ts';
import { styles } from '../../../src/render/terminal-text.ts';
import { askFake, briefFake, chatCommands, quoteFake, sourcesFake } from '../dispatch/fake-commands.ts';

describe('the welcome banner', () => {
  it('says how many articles and outlets are indexed and the span of their dates', () => {
    expect(indexLine({ articles: 4, outlets: 2, dates: ['2021-03-09', '2019-05', '2022-11-30', null] })).toBe(
      'Indexed: 4 articles from 2 outlets, dated May 2019 to 30 November 2022 (1 undated).',
    );
    expect(indexLine({ articles: 1, outlets: 0, dates: [null] })).toBe('Indexed: 1 article, none dated.');
  });

  it('says how to index articles when nothing is indexed', () => {
    expect(indexLine({ articles: 0, outlets: 0, dates: [] })).toMatch(/^Nothing is indexed yet: .*briefbot ingest PATH/);
  });

  it('takes examples from the definitions, a plain question first', () => {
    expect(bannerExamples([askFake, quoteFake, briefFake, sourcesFake])).toEqual(['Who approved the dredging?', 'quote Kowalczyk', 'brief']);
    expect(bannerExamples([sourcesFake, askFake], 3)).toEqual(['Who approved the dredging?', 'sources', 'What did the harbour master say?']);
  });

  it('shows what to try and how to leave', () => {
    const text = welcomeBanner({ articles: 2, outlets: 1, dates: ['2021-03-09', '2021-03-10'] }, chatCommands(), styles(false), 80);
    expect(text).toContain('Try:\n  Who approved the dredging?\n  quote Kowalczyk\n  brief\n');
    expect(text).toMatch(/help lists every command .* Ctrl-D leaves/);
    expect(text.split('\n').every((line) => line.length <= 80)).toBe(true);
  });
});
