import { createHash } from 'node:crypto'
import { bodyFields, type Arrival, type Outcome, type Row } from './row.js'

/**
 * The hash chain that makes later edits detectable. Rows are numbered 1, 2, 3… (`seq`) in the order they
 * were stored, and
 *
 *     hash = hex(SHA-256(UTF-8(prev_hash + "\n" + seq + "\n" + received_at + "\n" + ip + "\n" + body)))
 *
 * where `prev_hash` is the previous row's `hash` (64 zeros before row 1) and `seq` is written in decimal.
 * None of the first four fields can hold a newline, so the joined text is unambiguous. Editing a row's
 * content breaks its own hash, recomputing that hash breaks the next row's `prev_hash`, and deleting a
 * row leaves a gap in `seq`. Cutting rows off either end leaves a valid chain: the oldest go when their
 * retention ends (verification reports the first row kept), and keeping the `head` it reports somewhere
 * else catches the newest going. collector/README.md repeats this for auditors.
 */
export function rowHash(prevHash: string, seq: number, receivedAt: string, ip: string, body: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${receivedAt}\n${ip}\n${body}`, 'utf8').digest('hex')
}

export interface Head {
  seq: number
  hash: string
}

export const GENESIS: Head = { seq: 0, hash: '0'.repeat(64) }

/**
 * The rows to insert after `head` for one transaction's arrivals, and each arrival's outcome. An arrival
 * whose receiptId is `known` (already stored) or came earlier in the same batch is a repeat: the widget
 * sends the same receipt again until it sees a 2xx, so a repeat is normal and stores nothing.
 */
export function link(head: Head, arrivals: readonly Arrival[], known: ReadonlySet<string>) {
  const seen = new Set(known)
  const rows: Row[] = []
  let last = head
  const outcomes = arrivals.map((arrival): Outcome => {
    if (seen.has(arrival.receiptId)) return 'repeat'
    seen.add(arrival.receiptId)
    const seq = last.seq + 1
    const hash = rowHash(last.hash, seq, arrival.receivedAt, arrival.ip, arrival.body)
    rows.push({ ...arrival, seq, prevHash: last.hash, hash })
    last = { seq, hash }
    return 'stored'
  })
  return { rows, outcomes }
}

export interface Verdict {
  ok: boolean
  /** Rows checked: all of them. */
  count: number
  /** `seq` of the oldest row: 1 until rows are deleted at the end of their retention. */
  first?: number
  /** The last row's hash: record it elsewhere to detect rows cut off the end later. */
  head: string
  /** `seq` of the first row that fails, and why. */
  firstBadRow?: number
  problem?: string
}

/** Walks every row in `seq` order and recomputes the chain. */
export async function verifyChain(pages: AsyncIterable<readonly Row[]>): Promise<Verdict> {
  let last = GENESIS
  let first: number | undefined
  let count = 0
  let bad: { firstBadRow: number; problem: string } | undefined
  for await (const rows of pages) {
    for (const row of rows) {
      count++
      // A chain whose oldest rows were deleted starts from what its first row links to.
      if (first === undefined && row.seq > 1) last = { seq: row.seq - 1, hash: row.prevHash }
      first ??= row.seq
      const problem = fault(row, last)
      if (problem && !bad) bad = { firstBadRow: row.seq, problem }
      last = { seq: row.seq, hash: row.hash }
    }
  }
  return { ok: !bad, count, ...(first === undefined ? {} : { first }), head: last.hash, ...bad }
}

function fault(row: Row, before: Head): string | undefined {
  if (row.seq !== before.seq + 1) return `seq ${row.seq} follows ${before.seq}: rows are missing`
  if (row.prevHash !== before.hash) return 'prev_hash is not the hash of the row before'
  if (row.hash !== rowHash(row.prevHash, row.seq, row.receivedAt, row.ip, row.body)) {
    return 'hash does not match the row content'
  }
  // receipt_id and consent_id are copies of the body's, kept as columns for dedup and queries.
  const body = bodyFields(row.body)
  if (body.receiptId !== row.receiptId || body.consentId !== row.consentId) {
    return 'receipt_id or consent_id differ from the body'
  }
  return undefined
}
