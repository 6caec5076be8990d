import type { Arrival, Outcome, Row } from '../row.js'

/** Where receipts are kept: SQLite (sqlite.ts) or PostgreSQL (postgres.ts), with the same behaviour. */
export interface ReceiptStore {
  /** Stores the arrival unless its receiptId is already stored; resolves only once that is committed. */
  add(arrival: Arrival): Promise<Outcome>
  byConsent(consentId: string): Promise<Row[]>
  /** The newest rows first. */
  recent(limit: number): Promise<Row[]>
  /** Up to `limit` rows after `afterSeq` in chain order, received within `period` when given. */
  page(afterSeq: number, limit: number, period?: Period): Promise<Row[]>
  /** Rejects while the database cannot answer. */
  ping(): Promise<void>
  /** Waits for the receipts already accepted to be committed, then closes the database. */
  close(): Promise<void>
}

/**
 * When a receipt is acknowledged. `flush`: once its commit is flushed to disk, so it survives a power
 * cut. `commit`: once committed, so it survives the collector crashing or being killed; the flush
 * follows at once, but a power cut or an OS crash in between loses the receipts of that moment.
 */
export type Durability = 'flush' | 'commit'
export const DURABILITIES: readonly Durability[] = ['flush', 'commit']

export interface StoreOptions {
  durability: Durability
  /** How long a write waits for the database lock (another writer) before it fails. */
  lockTimeoutMs: number
  log: (message: string) => void
}

/** Server time bounds as ISO strings: `from` inclusive, `to` exclusive. */
export interface Period {
  from?: string | undefined
  to?: string | undefined
}

const PAGE = 1000

/**
 * Every row (received within `period`) in chain order, a page at a time: a long export or verification
 * holds neither all rows in memory nor the event loop for long.
 */
export async function* everyRow(store: ReceiptStore, period?: Period): AsyncGenerator<Row[]> {
  let after = 0
  for (;;) {
    const rows = await store.page(after, PAGE, period)
    if (!rows.length) return
    yield rows
    after = rows[rows.length - 1]!.seq
    if (rows.length < PAGE) return
  }
}

/** The columns as `Row` names them; both databases accept the quoted aliases. */
export const ROW_COLUMNS =
  'seq, receipt_id AS "receiptId", consent_id AS "consentId", received_at AS "receivedAt", ip, body, ' +
  'prev_hash AS "prevHash", hash'
