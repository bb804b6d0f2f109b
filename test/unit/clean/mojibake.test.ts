import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/core/clean/index.ts';
import { repairMojibake } from '../../../src/core/clean/mojibake.ts';

/** A string's UTF-8 bytes read back one byte per character, as a Latin-1 reader would. */
function misread(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

describe('UTF-8 read as Latin-1 or Windows-1252', () => {
  it('is read back as the letters it was', () => {
    expect(repairMojibake(misread('Señora Müller met Jérôme.'))).toBe('Señora Müller met Jérôme.');
  });

  it('is read back when it was misread twice', () => {
    expect(repairMojibake(misread(misread('Ødegård spoke.')))).toBe('Ødegård spoke.');
  });

  it('is read back when its misread letters were decomposed into base letters and combining marks', () => {
    expect(repairMojibake(misread('Ødegård spoke.').normalize('NFD'))).toBe('Ødegård spoke.');
  });

  it('reads Windows-1252 punctuation back as the UTF-8 mark it was', () => {
    expect(repairMojibake('It\u00e2\u20ac\u2122s late.')).toBe('It’s late.');
  });

  it('leaves text alone that merely holds accented letters', () => {
    expect(repairMojibake('Café owners in Zürich say “no”.')).toBe('Café owners in Zürich say “no”.');
  });

  it('leaves text alone when only part of it decodes that way', () => {
    const mixed = `${misread('Jérôme')} said “yes”.`;
    expect(repairMojibake(mixed)).toBe(mixed);
  });

  it('is repaired before cleaning, so names in the article read right', () => {
    const clean = cleanArticle(misread('Talks open\n\n"We are ready," Søren Åberg said.'));
    expect(clean.text).toContain('Søren Åberg');
  });
});
