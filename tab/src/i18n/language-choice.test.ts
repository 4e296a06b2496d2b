import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language-choice';

describe('pickLanguage', () => {
  it('starts in Norwegian bokmål when this browser knows no choice, whatever its or Teams’ locale', () => {
    expect(pickLanguage(undefined)).toBe('nb');
  });

  it('starts in the language this browser last had from the server', () => {
    expect(pickLanguage('en')).toBe('en');
    expect(pickLanguage('nb')).toBe('nb');
  });
});
