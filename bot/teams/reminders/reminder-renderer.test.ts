import { describe, expect, it } from 'vitest';
import { checkCard } from '../../../tests/support/adaptive-card.js';
import { kulgMeeting } from '../../../tests/support/calendar-event.js';
import type { CalendarEvent } from '../../domain/plan/plan-schema.js';
import type { ReadingCardView } from '../../use-cases/reminders/reminder-deps.js';
import { reminderRenderer } from './reminder-renderer.js';

const event: CalendarEvent = { ...kulgMeeting, reading: 'Kapittel 2 i utkastet' };
const view = {
  event,
  programmeName: 'KULG',
  planKey: 'vestvagoy.2025-2026',
  itemDeadline: '2026-03-03',
  late: false,
};
const reading: ReadingCardView = {
  ...view,
  messageId: 'reading:vestvagoy.2025-2026:kulg-07',
  read: 2,
  of: 5,
  readerIds: ['29:kari'],
  markedReadOn: '2026-03-03',
};
const render = reminderRenderer('https://planpuls.example');

/** The texts a person reads on a card, in order. */
function texts(card: unknown): string[] {
  const found: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.text === 'string') found.push(o.text);
      if (typeof o.title === 'string' && o.type !== 'Action.Submit') found.push(o.title);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}
const content = (activity: Record<string, unknown>) =>
  (activity.attachments as { content: Record<string, unknown> }[])[0]!.content;

describe('reminderRenderer', () => {
  it('gives one reader her own line in English, while the shared card stays Norwegian and has none', () => {
    const hers = render.readingFor(reading, 'en');
    expect(checkCard(hers).problems).toEqual([]);
    expect(texts(hers)).toContain('You marked this as read on 3 March.');
    expect(texts(hers)).toContain('2 of 5 have read');
    const shared = content(render.reading({ ...reading, markedReadOn: undefined }));
    expect(checkCard(shared).problems).toEqual([]);
    expect(texts(shared)).toContain('2 av 5 har lest');
    expect(texts(shared).join(' ')).not.toMatch(/markerte|marked/);
    expect(shared.refresh).toMatchObject({ userIds: ['29:kari'] });
  });

  it('says in Norwegian that a meeting moved, with its new date, on the posted reminder', () => {
    const moved = content(render.meetingReminder({ ...view, change: 'moved' }));
    expect(texts(moved)).toContain('Flyttet til tirsdag 24. mars 2026 (uke 13).');
    expect(texts(moved)).not.toContain('Meld inn sak');
  });

  it('takes «Meld inn sak» off a closed call for items and says why', () => {
    const closed = content(render.agendaCall({ ...view, change: 'items-closed', itemsOpen: false }));
    expect(texts(closed)).toContain(
      'Fristen for å melde inn saker er ute. Be koordinatoren om å ta en sak inn.',
    );
    expect(texts(closed)).not.toContain('Meld inn sak');
    const open = content(render.agendaCall({ ...view, itemsOpen: true }));
    expect(texts(open)).toContain('Meld inn sak');
  });
});
