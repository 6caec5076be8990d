import pg from 'pg'
import { GENESIS, link } from '../chain.js'
import type { Arrival, Row } from '../row.js'
import { groupCommit } from './group-commit.js'
import { ROW_COLUMNS, type Period, type ReceiptStore, type StoreOptions } from './store.js'

// received_at stays text: the chain hashes the exact string, which a timestamp column would reformat.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS receipts (
  seq bigint PRIMARY KEY,
  receipt_id text NOT NULL UNIQUE,
  consent_id text NOT NULL,
  received_at text NOT NULL,
  ip text NOT NULL,
  body text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX IF NOT EXISTS receipts_consent ON receipts (consent_id, seq);
`

// One chain per receipts table (the table in the connection's schema): every collector instance on the
// database takes this lock before it reads the head and appends, so their rows form one chain.
const CHAIN_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.receipts'))"

/** The PostgreSQL store, for operators who run a database server already (`DATABASE_URL`). */
export async function openPostgres(url: string, options: StoreOptions): Promise<ReceiptStore> {
  const { durability, lockTimeoutMs, log } = options
  // A refused connection fails at once; the timeout is for a server that does not answer at all.
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 })
  // A connection dropped while idle (database restarted) is replaced on next use; without a listener
  // the pool's error event would end the process.
  pool.on('error', (error) => log(`PostgreSQL connection lost: ${error.message}`))
  // With synchronous_commit off, COMMIT returns before the WAL is flushed; the WAL writer flushes it
  // within a few hundred milliseconds (PostgreSQL's own "asynchronous commit").
  const asynchronous = durability === 'commit' ? 'SET LOCAL synchronous_commit = off; ' : ''
  const begin = `BEGIN; SET LOCAL lock_timeout = ${Math.round(lockTimeoutMs)}; ${asynchronous}${CHAIN_LOCK}`
  try {
    await transaction(pool, begin, (client) => client.query(SCHEMA))
  } catch (error) {
    await pool.end()
    throw error
  }

  const rows = async (sql: string, values: unknown[]): Promise<Row[]> =>
    (await pool.query<Row>(sql, values)).rows.map((row) => ({ ...row, seq: Number(row.seq) }))

  const commit = (arrivals: Arrival[]) =>
    transaction(pool, begin, async (client) => {
      const head = (await client.query('SELECT seq, hash FROM receipts ORDER BY seq DESC LIMIT 1')).rows[0]
      const ids = arrivals.map((arrival) => arrival.receiptId)
      const known = await client.query('SELECT receipt_id FROM receipts WHERE receipt_id = ANY($1)', [ids])
      const stored = new Set(known.rows.map((row: { receipt_id: string }) => row.receipt_id))
      const linked = link(head ? { seq: Number(head.seq), hash: head.hash } : GENESIS, arrivals, stored)
      if (linked.rows.length) await insert(client, linked.rows)
      return linked.outcomes
    })
  const writer = groupCommit(commit)

  return {
    add: writer.add,
    byConsent: (consentId) => rows(`SELECT ${ROW_COLUMNS} FROM receipts WHERE consent_id = $1 ORDER BY seq`, [consentId]),
    recent: (limit) => rows(`SELECT ${ROW_COLUMNS} FROM receipts ORDER BY seq DESC LIMIT $1`, [limit]),
    page: (after: number, limit: number, period?: Period) =>
      rows(
        `SELECT ${ROW_COLUMNS} FROM receipts WHERE seq > $1 AND ($2::text IS NULL OR received_at >= $2) ` +
          'AND ($3::text IS NULL OR received_at < $3) ORDER BY seq LIMIT $4',
        [after, period?.from ?? null, period?.to ?? null, limit],
      ),
    ping: async () => void (await pool.query('SELECT 1')),
    async close() {
      await writer.settled()
      await pool.end()
    },
  }
}

async function transaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query(begin)
    const result = await work(client)
    await client.query('COMMIT')
    client.release()
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    // A connection that failed mid-transaction may be broken: drop it rather than hand it out again.
    client.release(true)
    throw error
  }
}

/** One statement for the whole batch: a round trip per row would make PostgreSQL the bottleneck. */
function insert(client: pg.PoolClient, rows: Row[]) {
  const column = <K extends keyof Row>(key: K) => rows.map((row) => row[key])
  return client.query(
    'INSERT INTO receipts (seq, receipt_id, consent_id, received_at, ip, body, prev_hash, hash) ' +
      'SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])',
    [
      column('seq'),
      column('receiptId'),
      column('consentId'),
      column('receivedAt'),
      column('ip'),
      column('body'),
      column('prevHash'),
      column('hash'),
    ],
  )
}
