import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language-choice';

describe('pickLanguage', () => {
  it('is Norwegian outside Teams whatever the browser says', () => {
    expect(pickLanguage(undefined, false, 'en-US')).toBe('nb');
  });

  it('follows the Teams locale inside Teams', () => {
    expect(pickLanguage(undefined, true, 'en-us')).toBe('en');
    expect(pickLanguage(undefined, true, 'nb-no')).toBe('nb');
    expect(pickLanguage(undefined, true, 'nn-no')).toBe('nb');
  });

  it('lets the language picked in the header win, in Teams too', () => {
    expect(pickLanguage('en', false, undefined)).toBe('en');
    expect(pickLanguage('nb', true, 'en-us')).toBe('nb');
  });
});
