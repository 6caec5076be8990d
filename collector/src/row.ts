/** A receipt as it reaches the store: the checked body as text, with what the collector adds. */
export interface Arrival {
  receiptId: string
  consentId: string
  /** Server time, `Date.prototype.toISOString()` (UTC, milliseconds). */
  receivedAt: string
  /** The client's address as configured (full, truncated), or '' when none is kept. */
  ip: string
  /** The receipt as JSON text, exactly as stored and hashed. */
  body: string
}

/** A stored receipt: one link of the hash chain (see chain.ts). */
export interface Row extends Arrival {
  seq: number
  prevHash: string
  hash: string
}

export type Outcome = 'stored' | 'repeat'

/**
 * A row as the query, the export and the DPO page show it: the receipt as an object, and everything an
 * auditor needs to recompute its hash (`JSON.stringify(receipt)` is the stored body).
 */
export function published(row: Row) {
  return {
    seq: row.seq,
    receivedAt: row.receivedAt,
    ip: row.ip || null,
    receipt: parsed(row.body),
    prevHash: row.prevHash,
    hash: row.hash,
  }
}

/** The stored body's fields; none when a body edited by hand in the database is no longer a JSON object. */
export function bodyFields(body: string): Record<string, unknown> {
  const value = parsed(body)
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

// Such a body is shown as the text it is rather than failing the export it sits in.
function parsed(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return body
  }
}
