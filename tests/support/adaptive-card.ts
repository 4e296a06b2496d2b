import { createRequire } from 'node:module';

// The library's ESM build does not resolve under Node; its UMD bundle does.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Parses a card with the official `adaptivecards` library; returns its complaints and size. */
export function checkCard(card: unknown): { problems: string[]; bytes: number } {
  const context = new AC.SerializationContext();
  new AC.AdaptiveCard().parse(card, context);
  const problems = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return { problems, bytes: Buffer.byteLength(JSON.stringify(card)) };
}
