import { describe, expect, it } from 'vitest';
import { StorageError } from '../bot/domain/errors.js';
import { createTableInstallations } from '../bot/store/table-installations.js';
import { createTableLanguagePreferences } from '../bot/store/table-language-preferences.js';
import { languageFor } from '../bot/use-cases/language-preferences.js';
import { freshTables, uniquePrefix } from './support/storage.js';
import { proxyStorage, tablesThrough } from './support/tcp-proxy.js';

const clock = { now: () => new Date('2026-11-23T08:00:00Z') };
const PERSON = '00000000-0000-0000-0000-0000000000C1';

describe('language preferences in a real Azure table', () => {
  it('knows no choice for a new person, so Planpuls speaks Norwegian bokmål to her', async () => {
    const preferences = createTableLanguagePreferences(freshTables().tables, clock);
    expect(await preferences.get(PERSON)).toBeUndefined();
    expect(await languageFor(preferences, PERSON)).toBe('nb');
    expect(await languageFor(preferences, undefined)).toBe('nb');
  });

  it('keeps a person’s choice by object id, whatever its case, for another instance too', async () => {
    const { tables } = freshTables();
    await createTableLanguagePreferences(tables, clock).set(PERSON, 'en');
    const other = createTableLanguagePreferences(tables, clock);
    expect(await other.get(PERSON.toLowerCase())).toBe('en');
    await other.set(PERSON.toLowerCase(), 'nb');
    expect(await languageFor(createTableLanguagePreferences(tables, clock), PERSON)).toBe('nb');
  });

  it('fails with a storage error when storage is cut, rather than guessing a language', async () => {
    const { connectionString } = freshTables();
    const proxy = await proxyStorage(connectionString);
    try {
      const preferences = createTableLanguagePreferences(tablesThrough(proxy, uniquePrefix()), clock);
      await preferences.set(PERSON, 'en');
      proxy.cut();
      await expect(preferences.get(PERSON)).rejects.toBeInstanceOf(StorageError);
    } finally {
      await proxy.close();
    }
  });
});

describe('the welcome claim in the installation registry', () => {
  const reference = {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id: 'a:chat', conversationType: 'personal' },
    bot: { id: '28:planpuls' },
  };

  it('is granted once per conversation, to one of two claims at once, and not again after an uninstall', async () => {
    const registry = createTableInstallations(freshTables().tables, clock);
    await registry.record({ conversationId: 'a:chat', kind: 'personal', reference });
    const claims = await Promise.all([registry.claimWelcome('a:chat'), registry.claimWelcome('a:chat')]);
    expect(claims.sort()).toEqual([false, true]);
    await registry.markStale('a:chat', 'appen er avinstallert');
    await registry.record({ conversationId: 'a:chat', kind: 'personal', reference });
    expect(await registry.claimWelcome('a:chat')).toBe(false);
    expect((await registry.get('a:chat'))?.status).toBe('active');
  });

  it('is not granted for a conversation never recorded', async () => {
    const registry = createTableInstallations(freshTables().tables, clock);
    expect(await registry.claimWelcome('a:nowhere')).toBe(false);
  });
});
