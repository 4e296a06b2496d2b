import { describe, expect, it } from 'vitest';
import { StorageError } from '../domain/errors.js';
import { messages } from '../i18n/index.js';
import { turnErrorReply } from './turn-error-reply.js';

const press = { type: 'invoke', name: 'adaptiveCard/action' };
const storageDown = new Error('kunne ikke lagre saken', {
  cause: new StorageError('agenda: lagringen svarte ikke som ventet'),
});

describe('turnErrorReply', () => {
  it('answers a card press in English for a person who chose English, naming storage', () => {
    expect(turnErrorReply(press, storageDown, messages('en'))).toEqual({
      invokeResponse: {
        status: 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: 'Planpuls cannot reach its storage right now. Please try again shortly.',
        },
      },
    });
  });

  it('says only that something went wrong when storage is not the reason', () => {
    expect(turnErrorReply({ type: 'message' }, new TypeError('x is undefined'), messages('nb'))).toEqual({
      message: 'Beklager, noe gikk galt hos Planpuls. Feilen er logget; prøv igjen om litt.',
    });
  });

  it('answers another invoke 503 when storage is out of reach', () => {
    const reply = turnErrorReply({ type: 'invoke', name: 'task/fetch' }, storageDown, messages('nb'));
    expect(reply).toMatchObject({ invokeResponse: { status: 503 } });
  });
});
