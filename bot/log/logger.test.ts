import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('writes one JSON object per line with secrets redacted by key', () => {
    const lines: string[] = [];
    const logger = createLogger({
      write: (line) => lines.push(line),
      now: () => new Date('2026-11-23T08:00:00Z'),
    });
    logger
      .child({ component: 'test' })
      .info('hello', { appPassword: 'x', nested: { accessToken: 'y' }, id: 7 });
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '2026-11-23T08:00:00.000Z',
      level: 'info',
      msg: 'hello',
      component: 'test',
      appPassword: '[hemmelig]',
      nested: { accessToken: '[hemmelig]' },
      id: 7,
    });
  });

  it('drops lines below its level', () => {
    const lines: string[] = [];
    createLogger({ level: 'warn', write: (line) => lines.push(line) }).info('quiet');
    expect(lines).toEqual([]);
  });
});
