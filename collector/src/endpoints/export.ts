import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { reply } from '../http/reply.js'
import { published, type Row } from '../row.js'
import { everyRow, type Period, type ReceiptStore } from '../store/store.js'
import type { Endpoint } from './context.js'
import { CSV_HEADER, csvRecord } from './csv.js'

const FORMATS = {
  ndjson: { type: 'application/x-ndjson; charset=utf-8', line: (row: Row) => JSON.stringify(published(row)) + '\n' },
  csv: { type: 'text/csv; charset=utf-8; header=present', line: csvRecord },
} as const

// A date (UTC midnight) or a time with its zone: a time without one would depend on the server's zone.
const BOUND = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/

/**
 * GET /v1/export?format=ndjson|csv[&from=…][&to=…]: every receipt (received from `from` inclusive to `to`
 * exclusive) in chain order, streamed a page at a time, for an audit or a data subject's request.
 */
export const exportReceipts: Endpoint = async ({ response, url, store }) => {
  const name = url.searchParams.get('format') ?? 'ndjson'
  if (name !== 'ndjson' && name !== 'csv') {
    return reply(response, 400, { error: `format: expected "ndjson" or "csv", got ${JSON.stringify(name)}` })
  }
  const period: Period = {}
  for (const key of ['from', 'to'] as const) {
    const value = url.searchParams.get(key)
    if (value === null) continue
    const time = BOUND.test(value) ? Date.parse(value) : NaN
    if (Number.isNaN(time)) {
      return reply(response, 400, { error: `${key}: expected an ISO 8601 date or time with zone, got ${JSON.stringify(value)}` })
    }
    period[key] = new Date(time).toISOString()
  }
  // Fail with a status while one can still be sent; a store lost mid-stream cuts the download short instead.
  await store.ping()
  const format = FORMATS[name]
  const date = new Date().toISOString().slice(0, 10)
  response.writeHead(200, {
    'content-type': format.type,
    'content-disposition': `attachment; filename="receipts-${date}.${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  await pipeline(Readable.from(lines(store, period, name === 'csv' ? CSV_HEADER : '', format.line)), response)
}

async function* lines(store: ReceiptStore, period: Period, header: string, line: (row: Row) => string) {
  if (header) yield header
  for await (const rows of everyRow(store, period)) yield rows.map(line).join('')
}
