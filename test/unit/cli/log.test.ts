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

  it('gives a child of a child the fields of both and of the base, at the parent level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', destination, base: { app: 'briefbot-test' } });
    const child = log.child({ component: 'slack' }).child({ channel: 'C1' });
    child.debug({}, 'hidden');
    child.info({ n: 1 });
    log.error({ n: 2 }, 'parent');
    expect(lines).toEqual([
      expect.objectContaining({ app: 'briefbot-test', component: 'slack', channel: 'C1', n: 1, level: 30 }),
      expect.objectContaining({ app: 'briefbot-test', n: 2, msg: 'parent', level: 50 }),
    ]);
    expect(lines[0]).not.toHaveProperty('msg');
    expect(lines[1]).not.toHaveProperty('component');
  });

  it('writes nothing when silent', () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: 'silent', destination });
    log.error({}, 'no');
    log.child({ a: 1 }).warn({}, 'no');
    expect(lines).toEqual([]);
  });
});
