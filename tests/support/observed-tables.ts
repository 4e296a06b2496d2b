import type { TableClient } from '@azure/data-tables';
import type { Tables } from '../../bot/store/table-service.js';

/**
 * Real storage with each call of a table client's methods reported to `seen` after it succeeded
 * (table name, method); the calls themselves go through unchanged. For counting what a request
 * costs or whether it wrote, never for replacing storage.
 */
export function observedTables(
  tables: Tables,
  seen: (table: string, method: string) => void,
  /** Calls that failed (a 404 read, a 409 create): they cost a round trip too. */
  failed?: (table: string, method: string) => void,
): Tables {
  const clients = new Map<string, TableClient>();
  return {
    ping: () => tables.ping(),
    async table(name) {
      const known = clients.get(name);
      if (known) return known;
      const client = await tables.table(name);
      const observed = new Proxy(client, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor')
            return value;
          return (...args: unknown[]) => {
            const result = (value as (...a: unknown[]) => unknown).apply(target, args);
            // Promises report once they succeed; paged iterators (listEntities) when called.
            if (result instanceof Promise)
              return result.then(
                (r) => (seen(name, property), r),
                (error: unknown) => {
                  failed?.(name, property);
                  throw error;
                },
              );
            seen(name, property);
            return result;
          };
        },
      });
      clients.set(name, observed);
      return observed;
    },
  };
}
