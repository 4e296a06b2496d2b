import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.js';

describe('parseCommand', () => {
  it.each([
    ['hjelp', { name: 'help', language: 'nb' }],
    ['  Hjelp  ', { name: 'help', language: 'nb' }],
    ['help me', { name: 'help', language: 'en' }],
    ['?', { name: 'help', language: undefined }],
    ['koble', { name: 'link', language: 'nb' }],
    ['link', { name: 'link', language: 'en' }],
    ['hei', { name: 'unknown' }],
    ['', { name: 'unknown' }],
    [undefined, { name: 'unknown' }],
  ])('reads %j as %j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });
});
