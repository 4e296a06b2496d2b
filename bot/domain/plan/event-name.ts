/**
 * An event's title with its programme in brackets, «Fagdag 3 (LP)», unless the title names the
 * programme already: «Lederutvikling», not «Lederutvikling (Lederutvikling)».
 */
export function titleWithProgramme(title: string, programmeName: string): string {
  return titleNamesProgramme(title, programmeName) ? title : `${title} (${programmeName.trim()})`;
}

/** Whether the title names the programme already (or there is no name to add). */
export function titleNamesProgramme(title: string, programmeName: string): boolean {
  const name = programmeName.trim().toLocaleLowerCase('nb');
  return !name || title.toLocaleLowerCase('nb').includes(name);
}
