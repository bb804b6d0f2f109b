import { describe, expect, it } from 'vitest';
import { fileFingerprint, textFingerprint } from '../../../src/ingest/fingerprint.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('fileFingerprint', () => {
  it('is the same for the same bytes, facts and analysis version, whatever the key order', () => {
    expect(fileFingerprint(bytes('Body'), { outlet: 'A', url: null }, 1)).toBe(fileFingerprint(bytes('Body'), { url: null, outlet: 'A' }, 1));
  });

  it('changes with the bytes, with a stated fact, and with the analysis version', () => {
    const base = fileFingerprint(bytes('Body'), { outlet: 'A' }, 1);
    expect(fileFingerprint(bytes('Body!'), { outlet: 'A' }, 1)).not.toBe(base);
    expect(fileFingerprint(bytes('Body'), { outlet: 'B' }, 1)).not.toBe(base);
    expect(fileFingerprint(bytes('Body'), { outlet: 'A', url: null }, 1)).not.toBe(base);
    expect(fileFingerprint(bytes('Body'), { outlet: 'A' }, 2)).not.toBe(base);
  });
});

describe('textFingerprint', () => {
  it('ignores line-ending style but not the text or the facts', () => {
    expect(textFingerprint('A\r\nB', {})).toBe(textFingerprint('A\nB', {}));
    expect(textFingerprint('A\nB', {})).not.toBe(textFingerprint('A\nC', {}));
    expect(textFingerprint('A', { outlet: 'X' })).not.toBe(textFingerprint('A', { outlet: 'Y' }));
  });
});
