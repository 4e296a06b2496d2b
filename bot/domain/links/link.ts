/** What a channel can be linked to: a programme or network of the plan, or a unit. */
export interface LinkTarget {
  readonly kind: 'programme' | 'unit';
  readonly id: string;
}

export interface Link {
  readonly target: LinkTarget;
  readonly conversationId: string;
  readonly linkedBy: string;
  readonly linkedAt: string;
}

export function targetKey(target: LinkTarget): string {
  return `${target.kind}:${target.id}`;
}

export function parseTargetKey(key: string): LinkTarget | undefined {
  const match = /^(programme|unit):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(key.trim());
  return match ? { kind: match[1] as LinkTarget['kind'], id: match[2]! } : undefined;
}
