import type { ReportContent } from '../../domain/reports/report.js';

/**
 * A person's open «Endre» form of a unit's report: from «Endre» (or a refused save) until they
 * save or cancel. While it is open, Teams' refresh of the card gives that person the form (with a
 * refused save's input and reason), and no background revision replaces the card in their own chat.
 */
export interface OpenEdit {
  readonly openedAt: string;
  /** A refused save's input, shown back. */
  readonly input?: ReportContent;
  /** A refused save's reason. */
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' };
}

/** Storage port for open edits, one per campaign, unit and person (Entra object id). */
export interface ReportEdits {
  get(campaignId: string, unitId: string, person: string): Promise<OpenEdit | undefined>;
  open(campaignId: string, unitId: string, person: string, edit: OpenEdit): Promise<void>;
  close(campaignId: string, unitId: string, person: string): Promise<void>;
  /** The people (object ids, lower case) with an edit of the unit's report open, and since when. */
  editors(campaignId: string, unitId: string): Promise<{ person: string; openedAt: string }[]>;
}

/**
 * An edit left open this long (a closed laptop) no longer holds the person's card back from the
 * unit's latest summary.
 */
export const EDIT_HOLD_MS = 12 * 60 * 60 * 1000;

export const isHeld = <T extends Pick<OpenEdit, 'openedAt'>>(edit: T | undefined, now: Date): edit is T =>
  edit !== undefined && now.getTime() - Date.parse(edit.openedAt) < EDIT_HOLD_MS;
