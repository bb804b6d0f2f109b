import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText } from '../../../src/ingest/decode.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out: number[] = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (endian === 'le') out.push(code & 0xff, code >> 8);
    else out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}

describe('decodeText', () => {
  it('reads a Latin-1 BBC file with a pound sign as windows-1252', () => {
    const fixture = readFileSync(new URL('./fixtures/latin1-excerpt.txt', import.meta.url));
    const { text, encoding } = decodeText(fixture);
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('a £15.8m signing from Parma');
    expect(text.startsWith('Chelsea sack Mutu\n\n')).toBe(true);
    expect(text).not.toContain('\ufffd');
  });

  it('reads UTF-8 without a byte-order mark', () => {
    const { text, encoding } = decodeText(new TextEncoder().encode('Price: £1.7bn – “quoted”'));
    expect(encoding).toBe('utf-8');
    expect(text).toBe('Price: £1.7bn – “quoted”');
  });

  it('drops a UTF-8 byte-order mark', () => {
    const { text, encoding } = decodeText(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Café')));
    expect(encoding).toBe('utf-8');
    expect(text).toBe('Café');
  });

  it('reads UTF-16 little-endian and big-endian files with a byte-order mark', () => {
    const sample = 'Zürich talks\r\n“We agree,” she said.';
    expect(decodeText(utf16(sample, 'le'))).toEqual({ text: 'Zürich talks\n“We agree,” she said.', encoding: 'utf-16le' });
    expect(decodeText(utf16(sample, 'be'))).toEqual({ text: 'Zürich talks\n“We agree,” she said.', encoding: 'utf-16be' });
  });

  it('reads Windows-1252 curly quotes and the euro sign, which Latin-1 lacks', () => {
    const { text, encoding } = decodeText(bytes(0x93, ...ascii('Yes'), 0x94, 0x20, 0x80, ...ascii('5')));
    expect(encoding).toBe('windows-1252');
    expect(text).toBe('“Yes” €5');
  });

  it('normalises Windows and old Mac line endings to \\n', () => {
    expect(decodeText(new TextEncoder().encode('one\r\ntwo\rthree\n')).text).toBe('one\ntwo\nthree\n');
  });

  it('refuses bytes with NUL in them, naming the reason', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
    expect(() => decodeText(png)).toThrow(DecodeError);
    expect(() => decodeText(png)).toThrow(/NUL bytes/);
  });

  it('refuses content that is mostly control characters', () => {
    const noise = bytes(...ascii('header'), 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0e, 0x0f, 0x10, 0x11, ...ascii('tail'));
    try {
      decodeText(noise);
      expect.unreachable('binary content was decoded');
    } catch (error) {
      expect(error).toBeInstanceOf(DecodeError);
      expect((error as DecodeError).reason).toBe('control-characters');
      expect((error as DecodeError).message).toMatch(/control characters/);
    }
  });

  it('accepts text with a stray form feed or tab', () => {
    const text = `Headline\n\n${'A paragraph of ordinary prose. '.repeat(20)}\f\tEnd.`;
    expect(decodeText(new TextEncoder().encode(text)).text).toBe(text);
  });

  it('returns empty text for empty bytes and leaves the judgement to the caller', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
