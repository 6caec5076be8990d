import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { collectors } from './collectors.js'
import { read, receipt, send } from './receipts.js'
import { STORES } from './stores.js'

interface Exported {
  seq: number
  receivedAt: string
  ip: string | null
  receipt: Record<string, unknown>
  prevHash: string
  hash: string
}

async function exported(url: string): Promise<Exported[]> {
  const text = await (await read(url, '/v1/export?format=ndjson')).text()
  return text ? text.trimEnd().split('\n').map((line) => JSON.parse(line)) : []
}

async function verify(url: string) {
  return (await read(url, '/v1/verify')).json()
}

describe.each(STORES)('the hash chain on $name', (kind) => {
  const start = collectors(kind)

  test.for(['flush', 'commit'] as const)(
    'many parallel receipts, repeats among them: each stored once, one valid chain (DURABILITY=%s)',
    { timeout: 60_000 },
    async (durability) => {
      const { url } = await start({ durability })
      const distinct = Array.from({ length: 300 }, () => receipt())
      const repeats = distinct.slice(0, 60)
      const statuses = await Promise.all([...distinct, ...repeats].map(async (one) => (await send(url, one)).status))
      expect(statuses.filter((status) => status === 201)).toHaveLength(300)
      expect(statuses.filter((status) => status === 200)).toHaveLength(60)
      const rows = await exported(url)
      expect(rows.map((row) => row.seq)).toEqual(distinct.map((_, i) => i + 1))
      expect(new Set(rows.map((row) => row.receipt.receiptId)).size).toBe(300)
      expect(await verify(url)).toEqual({ ok: true, count: 300, first: 1, head: rows[299]!.hash })
    },
  )

  test('two collectors on one database keep one chain', async () => {
    const first = await start()
    const second = await start({}, first.database)
    const sent = Array.from({ length: 100 }, () => receipt())
    await Promise.all(sent.map((one, i) => send(i % 2 ? first.url : second.url, one)))
    expect(await verify(first.url)).toMatchObject({ ok: true, count: 100 })
  })

  test('is the documented formula, so an auditor can recompute it', async () => {
    const { url } = await start()
    for (let i = 0; i < 3; i++) await send(url, receipt())
    let prev = '0'.repeat(64)
    for (const row of await exported(url)) {
      const body = JSON.stringify(row.receipt)
      const text = `${prev}\n${row.seq}\n${row.receivedAt}\n${row.ip ?? ''}\n${body}`
      expect(row.prevHash).toBe(prev)
      expect(row.hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
      prev = row.hash
    }
  })

  test('an empty chain verifies', async () => {
    const { url } = await start()
    expect(await verify(url)).toEqual({ ok: true, count: 0, head: '0'.repeat(64) })
  })

  test('detects a body edited in the database', async () => {
    const { url, database } = await start()
    for (let i = 0; i < 3; i++) await send(url, receipt({ categories: { necessary: true, analytics: false } }))
    expect(await verify(url)).toMatchObject({ ok: true, count: 3 })
    await database.sql(`UPDATE receipts SET body = replace(body, '"analytics":false', '"analytics":true') WHERE seq = 2`)
    expect(await verify(url)).toEqual({
      ok: false,
      count: 3,
      first: 1,
      head: expect.stringMatching(/^[0-9a-f]{64}$/),
      firstBadRow: 2,
      problem: 'hash does not match the row content',
    })
  })

  test('detects an edited address or time, a recomputed hash, a copied-over consentId', async () => {
    const { url, database } = await start()
    for (let i = 0; i < 5; i++) await send(url, receipt())
    const tamper = async (statement: string) => {
      await database.sql(statement)
      return verify(url)
    }
    expect(await tamper("UPDATE receipts SET ip = '10.0.0.1' WHERE seq = 5")).toMatchObject({ ok: false, firstBadRow: 5 })
    expect(await tamper("UPDATE receipts SET received_at = '2020-01-01T00:00:00.000Z' WHERE seq = 4")).toMatchObject({
      ok: false,
      firstBadRow: 4,
    })
    // Rewriting a row's hash to match its new content breaks the next row's link instead.
    expect(await tamper(`UPDATE receipts SET hash = '${'f'.repeat(64)}' WHERE seq = 3`)).toMatchObject({
      ok: false,
      firstBadRow: 3,
    })
    expect(await tamper("UPDATE receipts SET consent_id = '00000000-0000-4000-8000-000000000000' WHERE seq = 2")).toMatchObject({
      ok: false,
      firstBadRow: 2,
      problem: 'receipt_id or consent_id differ from the body',
    })
  })

  test('detects a deleted row', async () => {
    const { url, database } = await start()
    for (let i = 0; i < 5; i++) await send(url, receipt())
    await database.sql('DELETE FROM receipts WHERE seq = 3')
    expect(await verify(url)).toMatchObject({ ok: false, count: 4, firstBadRow: 4, problem: 'seq 4 follows 2: rows are missing' })
  })

  test('stays valid when the oldest rows go at the end of their retention, and says where it starts', async () => {
    const { url, database } = await start()
    for (let i = 0; i < 5; i++) await send(url, receipt())
    const { head } = await verify(url)
    await database.sql('DELETE FROM receipts WHERE seq <= 2')
    expect(await verify(url)).toEqual({ ok: true, count: 3, first: 3, head })
    expect((await send(url, receipt())).status).toBe(201)
    expect(await verify(url)).toMatchObject({ ok: true, count: 4, first: 3 })
  })
})
