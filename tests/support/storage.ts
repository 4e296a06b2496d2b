import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectTables, type Tables } from '../../bot/store/table-service.js';

/** A table prefix no other test uses, so every test sees empty storage. */
export function uniquePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/** Tables on the run's real Azurite, under a fresh prefix. */
export function freshTables(): { tables: Tables; prefix: string; connectionString: string } {
  const connectionString = inject('storageConnectionString');
  const prefix = uniquePrefix();
  return { tables: connectTables(connectionString, prefix), prefix, connectionString };
}
