/**
 * A JSON document spread over string columns: Azure Tables takes at most 64 KiB (32 K UTF-16
 * characters) per string property, and a full report with many signs and actions comes close.
 */
const CHUNK = 30_000;

export type JsonColumns = { json: string } & Record<string, string>;

export function toJsonColumns(value: unknown): JsonColumns {
  const json = JSON.stringify(value);
  const columns: JsonColumns = { json: json.slice(0, CHUNK) };
  for (let i = 1; i * CHUNK < json.length; i++) columns[`json${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return columns;
}

export function fromJsonColumns<T>(entity: Record<string, unknown>): T {
  let json = String(entity.json);
  for (let i = 1; typeof entity[`json${i}`] === 'string'; i++) json += entity[`json${i}`] as string;
  return JSON.parse(json) as T;
}
