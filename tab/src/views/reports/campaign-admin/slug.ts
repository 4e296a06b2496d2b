/**
 * A request's short name (its id, a–z 0–9 -) from its title: «Kontaktperson for skolemiljø» →
 * `kontaktperson-for-skolemiljo`. The server checks it (`isCampaignId`); people never type it.
 */
export function slugOf(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'foresporsel';
}

/** This half year and the next two, as campaign ids: `2026-H2`, `2027-H1`, `2027-H2`. */
export function periodsFrom(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  return [0, 1, 2].map((i) => {
    const n = year * 2 + (half - 1) + i;
    return `${Math.floor(n / 2)}-H${(n % 2) + 1}`;
  });
}
