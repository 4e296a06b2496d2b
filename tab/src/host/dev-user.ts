/** Local mode: the demo user chosen on /dev/sign-in, kept for this browser. */
const KEY = 'planpuls.devUser';
export const DEV_USER_HEADER = 'x-planpuls-dev-user';

/** Takes `?devUser=` from the address (the sign-in page links with it), keeps it, and tidies the URL. */
export function adoptDevUserFromUrl(): void {
  const url = new URL(window.location.href);
  const id = url.searchParams.get('devUser');
  if (!id) return;
  window.localStorage.setItem(KEY, id);
  url.searchParams.delete('devUser');
  window.history.replaceState(null, '', url);
}

export function devUserHeaders(): Record<string, string> {
  const id = window.localStorage.getItem(KEY);
  return id ? { [DEV_USER_HEADER]: id } : {};
}

export function forgetDevUser(): void {
  window.localStorage.removeItem(KEY);
}
