import { openPostgres } from './postgres.js'
import { openSqlite } from './sqlite.js'
import type { ReceiptStore, StoreOptions } from './store.js'

/** A `postgres://` or `postgresql://` URL opens PostgreSQL; anything else is a SQLite file (or ':memory:'). */
export function openStore(where: string, options: StoreOptions): Promise<ReceiptStore> {
  if (/^postgres(ql)?:\/\//i.test(where)) return openPostgres(where, options)
  return openSqlite(where, options)
}
