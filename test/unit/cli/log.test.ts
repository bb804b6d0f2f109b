import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes JSON lines with the message, level and context fields', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination }).child({ component: 'ingest' }).info({ added: 3 }, 'ingested');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'ingested', added: 3, component: 'ingest', level: 30 });
  });

  it('drops lines below its level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'warn', destination });
    log.info({}, 'quiet');
    log.warn({}, 'loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });

  it('never writes a token, even nested', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination }).info({ token: 'xoxb-secret', slack: { botToken: 'xoxb-other' } }, 'connected');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('xoxb-secret');
    expect(text).not.toContain('xoxb-other');
  });
});
