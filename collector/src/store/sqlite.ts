import { mkdirSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { GENESIS, link, type Head } from '../chain.js'
import type { Arrival, Row } from '../row.js'
import { startCheckpointer, WRITER_CHECKPOINT_PAGES } from './checkpointer.js'
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
export async function openSqlite(path: string, { durability, lockTimeoutMs, log }: StoreOptions): Promise<ReceiptStore> {
  const inMemory = path === ':memory:'
  // A fresh install has no data directory yet.
  if (!inMemory) mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal' && !inMemory) {
    throw new Error(`SQLite cannot use write-ahead logging for ${path}; put the file on a local disk`)
  }
  // SQLite's own fsync at each commit (synchronous=FULL) would hold the event loop for the whole disk
  // flush, half a millisecond on a quiet disk and ten on a busy one, with no request read meanwhile.
  // Instead it only writes the commit to the log, and the log is flushed below, off the event loop.
  db.pragma('synchronous = NORMAL')
  db.pragma(`busy_timeout = ${Math.round(lockTimeoutMs)}`)
  db.exec(SCHEMA)
  const wal = inMemory ? undefined : await open(`${path}-wal`, 'r+')
  const flusher = wal && logFlusher(wal, log)
  const checkpointer = inMemory ? undefined : startCheckpointer(path, log)
  db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`)

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
  // With durability 'flush' no one hears back before the log is on disk, so an acknowledged receipt
  // survives a killed process and a power cut, as with synchronous=FULL. The transactions run one after
  // the other (this is synchronous); only their flushes overlap, and a flush covers every commit
  // written before it. A failed flush answers 503 for rows already committed: the widget sends them
  // again and hears 200. With 'commit' the answer goes out after the commit and the flush follows.
  const writer = groupCommit(
    async (arrivals: Arrival[]) => {
      const outcomes = commit.immediate(arrivals)
      if (durability === 'flush') await wal?.datasync()
      else flusher?.soon()
      return outcomes
    },
    { overlap: 4 },
  )

  return {
    add: writer.add,
    byConsent: async (consentId) => byConsent.all(consentId),
    recent: async (limit) => recent.all(limit),
    page: async (after: number, limit: number, period?: Period) =>
      page.all({ after, limit, from: period?.from ?? null, to: period?.to ?? null }),
    ping: async () => void db.prepare('SELECT 1').get(),
    async close() {
      await writer.settled()
      await flusher?.settled()
      await checkpointer?.stop()
      await wal?.close()
      db.close()
    },
  }
}

/** Flushes the log in the background, again and again while commits keep coming, one flush at a time. */
function logFlusher(wal: FileHandle, log: (message: string) => void) {
  let flushing: Promise<void> | undefined
  let again = false
  async function flush() {
    do {
      again = false
      await wal.datasync().catch((error: Error) => log(`flushing the SQLite log failed: ${error.message}`))
    } while (again)
    flushing = undefined
  }
  return {
    soon() {
      if (flushing) again = true
      else flushing = flush()
    },
    settled: () => flushing ?? Promise.resolve(),
  }
}
