import { bodyFields, type Row } from '../row.js'

export const CSV_HEADER = csvLine([
  'seq',
  'received_at',
  'ip',
  'receipt_id',
  'consent_id',
  'event',
  'method',
  'timestamp',
  'categories',
  'services',
  'page',
  'user_agent',
  'body',
  'prev_hash',
  'hash',
])

/** One receipt as a CSV record: the fields a DPO reads, then the exact body and hashes an auditor checks. */
export function csvRecord(row: Row): string {
  const receipt = bodyFields(row.body)
  const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value))
  return csvLine([
    row.seq,
    row.receivedAt,
    row.ip,
    row.receiptId,
    row.consentId,
    text(receipt.event),
    text(receipt.method),
    text(receipt.timestamp),
    json(receipt.categories),
    json(receipt.services),
    text(receipt.page),
    text(receipt.userAgent),
    row.body,
    row.prevHash,
    row.hash,
  ])
}

/** RFC 4180: comma-separated, CRLF, a field with a quote, comma or line break quoted, quotes doubled. */
function csvLine(cells: readonly (string | number)[]): string {
  return cells.map((cell) => quoted(defused(String(cell)))).join(',') + '\r\n'
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

// A spreadsheet runs a cell that starts with = + - @ as a formula, and a user agent is whatever the
// visitor's browser claims: a leading apostrophe makes such a cell plain text. The body (the hashed text,
// always starting with `{`) is never touched.
function defused(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}
