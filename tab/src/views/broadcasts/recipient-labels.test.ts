import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n';
import { joined, recipientCount, recipientLabel, sendTime, unreachedSentences } from './recipient-labels';

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
    expect(recipientLabel({ conversationId: '19:g', kind: 'groupChat', name: 'Rektorene' }, nb)).toBe(
      'Rektorene (gruppechat)',
    );
    expect(recipientLabel({ conversationId: '19:h', kind: 'groupChat' }, nb)).toBe(
      'Gruppechat (navn ukjent)',
    );
  });

  it('says who is not reached and why, one sentence per reason', () => {
    expect(
      unreachedSentences(
        [
          { audience: 'role:enhetsleder', reason: 'no-personal-chat', name: 'Rita Rektor' },
          { audience: 'programme:kulg', reason: 'no-linked-channel', name: 'KULG' },
          { audience: 'role:enhetsleder', reason: 'no-personal-chat', name: 'Stian Styrer' },
          { audience: 'role:koordinator', reason: 'nobody-has-role', name: 'koordinator' },
          {
            audience: 'conversation:19:x',
            reason: 'not-installed',
            place: { conversationId: '19:x', kind: 'channel', team: 'Oppvekst', channel: 'KULG' },
          },
        ],
        nb,
      ),
    ).toEqual([
      'Rita Rektor og Stian Styrer har ikke Planpuls i en personlig chat ennå.',
      'KULG har ingen koblet kanal.',
      'Planpuls er ikke lenger i Oppvekst › KULG.',
      'Ingen har rollen koordinator.',
    ]);
  });

  it('says when a scheduled message goes with the weekday, in Oslo time', () => {
    expect(sendTime('2026-12-10T07:00:00Z', 'nb')).toBe('torsdag 10. desember kl. 08:00');
  });

  it('counts in words and lists with «og», shortening a long list', () => {
    expect([recipientCount(1, nb), recipientCount(3, nb)]).toEqual(['1 mottaker', '3 mottakere']);
    expect(joined(['a', 'b', 'c'], nb)).toBe('a, b og c');
    expect(joined(['a'], nb)).toBe('a');
    expect(joined(['a', 'b', 'c', 'd'], nb, 2)).toBe('a, b og 2 til');
  });
});
