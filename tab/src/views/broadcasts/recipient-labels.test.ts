import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n';
import { joined, recipientCount, recipientLabel } from './recipient-labels';

const nb = translator('nb');

describe('recipients as the sender reads them', () => {
  it('names a channel by team and channel, a personal chat by the person, never by id', () => {
    expect(
      recipientLabel({ conversationId: '19:x', kind: 'channel', team: 'Oppvekst', channel: 'KULG' }, nb),
    ).toBe('Oppvekst › KULG');
    expect(recipientLabel({ conversationId: '19:y', kind: 'channel', team: 'Oppvekst' }, nb)).toBe(
      'Oppvekst › Generelt',
    );
    expect(recipientLabel({ conversationId: 'a:1', kind: 'personal', name: 'Rita Rektor' }, nb)).toBe(
      'Rita Rektor (personlig chat)',
    );
    expect(recipientLabel({ conversationId: 'a:2', kind: 'personal' }, nb)).toBe(
      'Personlig chat (navn ukjent)',
    );
  });

  it('counts in words and lists with «og», shortening a long list', () => {
    expect([recipientCount(1, nb), recipientCount(3, nb)]).toEqual(['1 mottaker', '3 mottakere']);
    expect(joined(['a', 'b', 'c'], nb)).toBe('a, b og c');
    expect(joined(['a'], nb)).toBe('a');
    expect(joined(['a', 'b', 'c', 'd'], nb, 2)).toBe('a, b og 2 til');
  });
});
