/**
 * What a person typed in a form and has not saved, kept in the browser's session so that leaving
 * the view (or reloading the tab) loses nothing. One entry per person and form; it holds the
 * version the text was based on, so a save after someone else's is refused as stale by the server
 * instead of overwriting theirs.
 */
export interface StoredDraft<T> {
  /** When she last changed it (ISO), for «the changes you wrote …». */
  at: string;
  /** The version of the saved form or plan her text was based on. */
  basedOn: number;
  value: T;
}

const PREFIX = 'planpuls.draft.v1';

/** `planpuls.draft.v1|local-plan|<user>|<unit>`: one person's unsaved text for one form. */
export function draftKey(form: 'local-plan' | 'report', userId: string, ...scope: string[]): string {
  return [PREFIX, form, userId, ...scope].join('|');
}

/**
 * The session's store, or undefined where the browser refuses it (storage blocked in a third-party
 * frame): the form then works as before, without keeping drafts, and says so in the console.
 */
function store(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch (error) {
    console.warn('Planpuls: the session storage is not available, unsaved drafts are not kept', error);
    return undefined;
  }
}

export function readDraft<T>(key: string): StoredDraft<T> | undefined {
  const text = store()?.getItem(key);
  if (!text) return undefined;
  let parsed: Partial<StoredDraft<T>>;
  try {
    parsed = JSON.parse(text) as Partial<StoredDraft<T>>;
  } catch {
    return undefined;
  }
  // An entry of another shape (an older build) is not hers to restore.
  if (typeof parsed.at !== 'string' || typeof parsed.basedOn !== 'number' || !parsed.value) return undefined;
  return parsed as StoredDraft<T>;
}

export function writeDraft<T>(key: string, value: T, basedOn: number, at = new Date()): StoredDraft<T> {
  const draft = { at: at.toISOString(), basedOn, value };
  try {
    store()?.setItem(key, JSON.stringify(draft));
  } catch (error) {
    // A full session store: the form on screen still holds her text; only a reload would lose it.
    console.warn('Planpuls: the unsaved draft could not be kept in the session', error);
  }
  return draft;
}

export function clearDraft(key: string): void {
  store()?.removeItem(key);
}
