/**
 * Checks text for what Adaptive Card TextBlocks render: **bold**, _italic_, lists and
 * [links](https://…). Returns Norwegian problems; empty when the text is fine.
 */
export function markdownProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.length > 8000) problems.push('Teksten kan være høyst 8000 tegn.');
  if (/<\/?[a-z][^>]*>/i.test(text)) problems.push('HTML vises ikke i Teams; bruk enkel markdown.');
  if (/!\[[^\]]*\]\(/.test(text)) problems.push('Bilder i teksten vises ikke; legg ved en lenke i stedet.');
  if (/^#{1,6}\s/m.test(text)) problems.push('Overskrifter (#) vises ikke; bruk **fet skrift**.');
  for (const match of text.matchAll(/\[[^\]]*\]\(([^)]*)\)/g)) {
    if (!/^https:\/\//.test(match[1] ?? '')) problems.push(`Lenken «${match[1]}» må begynne med https://.`);
  }
  if ((text.match(/\*\*/g) ?? []).length % 2 === 1) problems.push('En **fet** markering er ikke lukket.');
  return problems;
}

export function linkProblems(link: string | undefined): string[] {
  if (!link) return [];
  return /^https:\/\/[^\s]+$/.test(link) ? [] : ['Lenken må være en https://-adresse.'];
}
