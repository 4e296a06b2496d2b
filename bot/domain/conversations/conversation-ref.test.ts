import { describe, expect, it } from 'vitest';
import { decodeKey, encodeKey } from './conversation-ref.js';

describe('encodeKey', () => {
  it('keeps a key storage-safe and reversible', () => {
    const id = "19:kulg@thread.tacv2/o'brien*#?\\ æøå 😀";
    expect(encodeKey(id)).not.toMatch(/[/\\#?'*]/);
    expect(decodeKey(encodeKey(id))).toBe(id);
  });

  it('encodes a string with a lone surrogate instead of throwing', () => {
    expect(encodeKey('conversation:\ud800')).toBe('conversation%3A%EF%BF%BD');
    expect(encodeKey('a\udc00b')).toBe('a%EF%BF%BDb');
  });
});
