/**
 * An event's title with its programme in brackets, «Fagdag 3 (LP)», unless the title names the
 * programme already: «Lederutvikling», not «Lederutvikling (Lederutvikling)».
 */
export function titleWithProgramme(title: string, programmeName: string): string {
  const name = programmeName.trim();
  if (!name || title.toLocaleLowerCase('nb').includes(name.toLocaleLowerCase('nb'))) return title;
  return `${title} (${name})`;
}
