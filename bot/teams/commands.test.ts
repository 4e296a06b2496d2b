import { describe, expect, it } from 'vitest';
import { HELP_WORDS, readCommand } from './commands.js';

describe('readCommand', () => {
  it.each([
    ['hjelp', { word: 'hjelp', args: '' }],
    ['  Hjelp  ', { word: 'hjelp', args: '' }],
    ['help me', { word: 'help', args: 'me' }],
    ['?', { word: '?', args: '' }],
    ['koble', { word: 'koble', args: '' }],
    ['Språk  engelsk', { word: 'språk', args: 'engelsk' }],
    ['language norwegian', { word: 'language', args: 'norwegian' }],
    ['', { word: '', args: '' }],
    [undefined, { word: '', args: '' }],
  ])('reads %j as %j, whatever language the word is in', (text, command) => {
    expect(readCommand(text)).toEqual(command);
  });

  it('knows the help words in both languages', () => {
    expect([...HELP_WORDS]).toEqual(['hjelp', 'help', '?']);
  });
});
