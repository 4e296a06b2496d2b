/**
 * What a person wants from Planpuls in her personal chat (`varsler` in chat, «Varsler» in the tab):
 * - `all`: every reminder as it falls due (the default, as before the digest existed);
 * - `digest`: the weekly digest alone, no reminders;
 * - `needed`: only what needs her: report requests and reminders of her own report deadlines.
 * Channels are not people: what is posted in a channel does not depend on anyone's choice.
 */
export const NOTIFICATION_CHOICES = ['all', 'digest', 'needed'] as const;
export type NotificationChoice = (typeof NOTIFICATION_CHOICES)[number];

/** Nobody has to choose: without a choice everything comes as before. */
export const DEFAULT_NOTIFICATION_CHOICE: NotificationChoice = 'all';

/**
 * What Planpuls may send to a person's chat: a meeting `reminder` (reading assignments and calls
 * for agenda items too), a `report-reminder` before her own report deadline, the `report-request`
 * itself (the form she fills in, so it always comes), or the weekly `digest`.
 */
export type PersonalMessageKind = 'reminder' | 'report-reminder' | 'report-request' | 'digest';

/** Whether a person with `choice` gets a message of `kind` in her personal chat. */
export function wantsPersonally(choice: NotificationChoice, kind: PersonalMessageKind): boolean {
  switch (kind) {
    case 'report-request':
      return true;
    case 'reminder':
      return choice === 'all';
    case 'report-reminder':
      return choice !== 'digest';
    case 'digest':
      return choice === 'digest';
  }
}

/** Reads a choice a person named: `alle`, `oversikt`, `nødvendig` … (nb or en), or undefined. */
export function parseNotificationChoice(said: string | undefined): NotificationChoice | undefined {
  const word = (said ?? '').trim().toLowerCase();
  if (['all', 'alle', 'alt'].includes(word)) return 'all';
  if (['digest', 'oversikt', 'ukeoversikt', 'ukesoversikt', 'ukesoversikten', 'weekly'].includes(word))
    return 'digest';
  if (['needed', 'nødvendig', 'nodvendig', 'bare-nødvendig', 'minimum', 'needs'].includes(word))
    return 'needed';
  return undefined;
}
