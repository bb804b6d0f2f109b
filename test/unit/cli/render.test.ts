import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.ts';
import { renderJson, renderJsonError } from '../../../src/render/json.ts';

const reply: Reply = {
  title: '2 quotations',
  parts: [
    { kind: 'field', label: 'Outlet', value: 'unknown' },
    { kind: 'field', label: 'Published', value: '2019-05' },
    { kind: 'quote', text: 'We will appeal,', speaker: 'Ann Lee', role: 'lawyer', cites: [1] },
    { kind: 'quote', text: 'No comment.', speaker: null, role: null, cites: [] },
    { kind: 'heading', text: 'Set aside' },
    { kind: 'lines', lines: ['line 3 (caption): A photo'] },
  ],
  citations: [{ n: 1, article: 'a/001', outlet: null, title: 'Court case', published: '2019-05', url: null, text: 'We will appeal,' }],
  data: { quotes: [{ article: 'a/001', speaker: 'Ann Lee' }] },
};

describe('renderJson', () => {
  it('prints the command’s data contract when it has one', () => {
    expect(JSON.parse(renderJson(reply))).toEqual({ quotes: [{ article: 'a/001', speaker: 'Ann Lee' }] });
  });

  it('falls back to the reply model, and prints errors as an object', () => {
    const { data: _data, ...plain } = reply;
    expect(JSON.parse(renderJson(plain))).toMatchObject({ title: '2 quotations', citations: [{ n: 1 }], notice: null });
    expect(JSON.parse(renderJsonError('unknown-article', 'No article "x".'))).toEqual({ error: { code: 'unknown-article', message: 'No article "x".' } });
  });
});
