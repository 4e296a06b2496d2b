import { describe, expect, it } from 'vitest';
import { toStoreError } from './table-errors.js';

const answered = (statusCode: number) => Object.assign(new Error(''), { statusCode });

describe('toStoreError', () => {
  it.each([400, 413, 414, 431])(
    'answers storage refusing what it was given (%i) as the caller’s input',
    (status) => {
      expect(toStoreError(answered(status), 'rapportrunden')).toMatchObject({ code: 'BAD_REQUEST' });
    },
  );

  it.each([500, 503, 403])('answers %i as storage trouble', (status) => {
    expect(toStoreError(answered(status), 'rapportrunden')).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });

  it('answers no answer at all as storage trouble, and lost races and absence as such', () => {
    expect(toStoreError(new Error('ECONNREFUSED'), 'x')).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(toStoreError(answered(412), 'x')).toMatchObject({ code: 'CONFLICT' });
    expect(toStoreError(answered(404), 'x')).toMatchObject({ code: 'NOT_FOUND' });
  });
});
