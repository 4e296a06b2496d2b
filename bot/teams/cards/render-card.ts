import * as ACData from 'adaptivecards-templating';

/** Largest card Teams accepts in one message. */
export const MAX_CARD_BYTES = 80 * 1024;

/** Expands an Adaptive Card template with data; the result is plain card JSON. */
export function renderCard<T extends object>(template: object, data: T): Record<string, unknown> {
  return new ACData.Template(template).expand({ $root: data }) as Record<string, unknown>;
}
