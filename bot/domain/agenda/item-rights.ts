import type { AgendaItem } from './agenda-item.js';

export type ItemChangeVerdict =
  | { readonly kind: 'allowed' }
  /** Not the submitter, and does not run the meeting's agenda. */
  | { readonly kind: 'not-yours' }
  /** The submitter, after the item deadline. */
  | { readonly kind: 'too-late'; readonly deadline: string }
  | { readonly kind: 'withdrawn' };

/**
 * Who may edit or withdraw an item: its submitter until the item deadline (inclusive, local
 * date), and whoever runs the meeting's agenda (the coordinator, an admin) always. A withdrawn
 * item is not changed again.
 */
export function judgeItemChange(
  item: Pick<AgendaItem, 'submittedBy' | 'status'>,
  actor: { readonly aadObjectId: string; readonly runsAgenda: boolean },
  today: string,
  deadline: string,
): ItemChangeVerdict {
  if (item.status === 'withdrawn') return { kind: 'withdrawn' };
  if (actor.runsAgenda) return { kind: 'allowed' };
  if (item.submittedBy.toLowerCase() !== actor.aadObjectId.toLowerCase()) return { kind: 'not-yours' };
  return today <= deadline ? { kind: 'allowed' } : { kind: 'too-late', deadline };
}

/**
 * The version of a meeting's whole agenda, for changes that concern all of it (reorder,
 * publish): the sum of its items' versions, plus one once it is published. Every change adds an
 * item (version 1) or raises an item's version, and none ever falls, so the sum rises with every
 * change and never comes back to a value someone saw before.
 */
export function agendaVersion(items: readonly Pick<AgendaItem, 'version'>[], published: boolean): number {
  return items.reduce((sum, item) => sum + item.version, 0) + (published ? 1 : 0);
}
