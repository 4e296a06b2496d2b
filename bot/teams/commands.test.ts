import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.js';

describe('parseCommand', () => {
  it.each([
    ['hjelp', { name: 'help' }],
    ['  Hjelp  ', { name: 'help' }],
    ['help me', { name: 'help' }],
    ['?', { name: 'help' }],
    ['koble', { name: 'link' }],
    ['link', { name: 'link' }],
    ['språk', { name: 'language', args: '' }],
    ['Språk  engelsk', { name: 'language', args: 'engelsk' }],
    ['language norwegian', { name: 'language', args: 'norwegian' }],
    ['hei', { name: 'unknown' }],
    ['', { name: 'unknown' }],
    [undefined, { name: 'unknown' }],
  ])('reads %j as %j, whatever language the word is in', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });
});
