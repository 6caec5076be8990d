import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { GENESIS, link, type Head } from '../chain.js'
import type { Arrival, Row } from '../row.js'
import { groupCommit } from './group-commit.js'
import { ROW_COLUMNS, type Period, type ReceiptStore, type StoreOptions } from './store.js'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS receipts (
  seq INTEGER PRIMARY KEY,
  receipt_id TEXT NOT NULL UNIQUE,
  consent_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  ip TEXT NOT NULL,
  body TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS receipts_consent ON receipts (consent_id, seq);
`

/** The embedded store: one SQLite file (or ':memory:'), no server to run. */
export function openSqlite(path: string, { lockTimeoutMs }: StoreOptions): ReceiptStore {
  // A fresh install has no data directory yet.
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  // WAL with synchronous=FULL: a commit is on disk (fsync of the log) before the 2xx, so an acknowledged
  // receipt survives a killed process and a power cut.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma(`busy_timeout = ${Math.round(lockTimeoutMs)}`)
  db.exec(SCHEMA)

  const head = db.prepare<[], Head>('SELECT seq, hash FROM receipts ORDER BY seq DESC LIMIT 1')
  const known = db.prepare<[string], { receipt_id: string }>('SELECT receipt_id FROM receipts WHERE receipt_id = ?')
  const insert = db.prepare<Row>(
    'INSERT INTO receipts (seq, receipt_id, consent_id, received_at, ip, body, prev_hash, hash) ' +
      'VALUES (@seq, @receiptId, @consentId, @receivedAt, @ip, @body, @prevHash, @hash)',
  )
  const byConsent = db.prepare<[string], Row>(`SELECT ${ROW_COLUMNS} FROM receipts WHERE consent_id = ? ORDER BY seq`)
  const recent = db.prepare<[number], Row>(`SELECT ${ROW_COLUMNS} FROM receipts ORDER BY seq DESC LIMIT ?`)
  const page = db.prepare<{ after: number; limit: number; from: string | null; to: string | null }, Row>(
    `SELECT ${ROW_COLUMNS} FROM receipts WHERE seq > @after ` +
      'AND (@from IS NULL OR received_at >= @from) AND (@to IS NULL OR received_at < @to) ORDER BY seq LIMIT @limit',
  )

  // IMMEDIATE takes the write lock before the head is read, so another process writing the same file
  // waits instead of forking the chain.
  const commit = db.transaction((arrivals: Arrival[]) => {
    const stored = new Set(arrivals.filter((arrival) => known.get(arrival.receiptId)).map((a) => a.receiptId))
    const { rows, outcomes } = link(head.get() ?? GENESIS, arrivals, stored)
    for (const row of rows) insert.run(row)
    return outcomes
  })
  const writer = groupCommit((arrivals: Arrival[]) => commit.immediate(arrivals))

  return {
    add: writer.add,
    byConsent: async (consentId) => byConsent.all(consentId),
    recent: async (limit) => recent.all(limit),
    page: async (after: number, limit: number, period?: Period) =>
      page.all({ after, limit, from: period?.from ?? null, to: period?.to ?? null }),
    ping: async () => void db.prepare('SELECT 1').get(),
    async close() {
      await writer.settled()
      db.close()
    },
  }
}
