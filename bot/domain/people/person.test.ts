import { describe, expect, it } from 'vitest';
import { effectiveRoles, mayLink, newPerson } from './person.js';

describe('effectiveRoles', () => {
  it('makes a stranger a member', () => {
    expect([...effectiveRoles('AB', undefined, [])]).toEqual(['medlem']);
  });

  it('makes the admins from config admins whatever is stored, ignoring case', () => {
    expect(effectiveRoles('ABC', newPerson('abc'), ['abc']).has('admin')).toBe(true);
  });
});

describe('mayLink', () => {
  it('lets admins and coordinators link, and nobody else', () => {
    expect(mayLink(new Set(['admin']))).toBe(true);
    expect(mayLink(new Set(['koordinator']))).toBe(true);
    expect(mayLink(new Set(['enhetsleder', 'medlem']))).toBe(false);
  });
});
