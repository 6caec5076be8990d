import { describe, expect, test } from 'vitest'
import { collectors } from './collectors.js'
import { EXAMPLE_ORIGIN, TOKEN, read, receipt, send } from './receipts.js'
import { STORES } from './stores.js'

describe.each(STORES)('the collector on $name', (kind) => {
  const start = collectors(kind)

  describe('receiving', () => {
    test('stores a receipt once: 201, then 200 for the same receiptId', async () => {
      const { url } = await start()
      const sent = receipt()
      const first = await send(url, sent)
      expect(first.status).toBe(201)
      expect(await first.json()).toMatchObject({ receiptId: sent.receiptId, status: 'stored' })
      const again = await send(url, { ...sent, userAgent: 'a retry from elsewhere' })
      expect(again.status).toBe(200)
      expect(await again.json()).toEqual({ receiptId: sent.receiptId, status: 'repeat' })
      const stored = await (await read(url, `/v1/receipts?consentId=${sent.consentId}`)).json()
      expect(stored).toHaveLength(1)
      expect(stored[0].receipt).toEqual(sent)
    })

    test('adds server time and the client address', async () => {
      const { url } = await start()
      const sent = receipt()
      const before = new Date().toISOString()
      await send(url, sent)
      const [row] = await (await read(url, `/v1/receipts?consentId=${sent.consentId}`)).json()
      expect(row.receivedAt >= before && row.receivedAt <= new Date().toISOString()).toBe(true)
      expect(row.ip).toBe('127.0.0.1')
      expect(row.seq).toBe(1)
      expect(row.prevHash).toBe('0'.repeat(64))
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/)
    })

    test('400 names the path on bad input', async () => {
      const { url } = await start()
      const expectError = async (body: unknown, error: string | RegExp) => {
        const response = await send(url, body)
        expect(response.status).toBe(400)
        expect(response.headers.get('content-type')).toMatch(/^application\/json/)
        expect((await response.json()).error).toMatch(error)
      }
      await expectError(receipt({ receiptId: 'abc' }), 'receiptId: expected a UUID, got "abc"')
      await expectError(receipt({ policy: { url: null, version: null, sha256: null, extra: true } }), /^policy\.extra: unexpected key/)
      await expectError('{"schema":', /^body: expected JSON \(/)
      await expectError('', 'body: expected a JSON object, got nothing')
      await expectError('[]', 'body: expected a JSON object, got []')
      const latin1 = await fetch(`${url}/v1/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Uint8Array([0x22, 0xe9, 0x22]),
      })
      expect(latin1.status).toBe(400)
      expect((await latin1.json()).error).toBe('body: expected UTF-8 text')
    })

    test('413 over the body limit, declared or streamed, without reading it all', async () => {
      const { url } = await start({ bodyLimit: 2048 })
      const big = receipt({ userAgent: 'x'.repeat(3000) })
      const declared = await send(url, big)
      expect(declared.status).toBe(413)
      expect(await declared.json()).toEqual({ error: 'body: expected at most 2048 bytes' })

      // No Content-Length: the collector counts as it reads and stops at the limit.
      const chunk = new TextEncoder().encode(' '.repeat(1024))
      let pulled = 0
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++
          if (pulled > 10_000) controller.close()
          else controller.enqueue(chunk)
        },
      })
      const streamed = await fetch(`${url}/v1/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: endless,
        duplex: 'half',
      } as RequestInit)
      expect(streamed.status).toBe(413)
      expect(pulled).toBeLessThan(10_000)
      expect((await send(url, receipt())).status).toBe(201)
    })

    test('415 unless the body is declared JSON', async () => {
      const { url } = await start()
      const body = JSON.stringify(receipt())
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx']) {
        const response = await send(url, body, { 'content-type': type })
        expect(response.status).toBe(415)
        expect((await response.json()).error).toBe(`Content-Type: expected application/json, got "${type}"`)
      }
      expect((await send(url, receipt(), { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(201)
    })

    test('404 for an unknown path, 405 with Allow for a wrong method', async () => {
      const { url } = await start()
      expect((await fetch(`${url}/v2/receipts`)).status).toBe(404)
      const wrong = await fetch(`${url}/v1/receipts`, { method: 'DELETE' })
      expect(wrong.status).toBe(405)
      expect(wrong.headers.get('allow')).toBe('POST, OPTIONS, GET')
      expect((await fetch(`${url}/v1/verify`, { method: 'POST' })).status).toBe(405)
    })

    test('503 while the store cannot take the receipt, 201 once it can', async () => {
      const { url, database } = await start({ lockTimeoutMs: 300 })
      const release = await database.lock()
      const sent = receipt()
      const refused = await send(url, sent)
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('5')
      await release()
      expect((await send(url, sent)).status).toBe(201)
    })
  })

  describe('CORS', () => {
    test('answers the preflight for an allowed origin', async () => {
      const { url } = await start()
      const response = await fetch(`${url}/v1/receipts`, {
        method: 'OPTIONS',
        headers: { origin: EXAMPLE_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe(EXAMPLE_ORIGIN)
      expect(response.headers.get('access-control-allow-methods')).toBe('POST')
      expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type')
      expect(response.headers.get('vary')).toBe('Origin')
    })

    test('echoes an allowed origin on every answer, errors included', async () => {
      const { url } = await start()
      for (const response of [await send(url, receipt()), await send(url, { bad: 1 })]) {
        expect(response.headers.get('access-control-allow-origin')).toBe(EXAMPLE_ORIGIN)
        expect(response.headers.get('vary')).toBe('Origin')
      }
    })

    test('refuses other origins, preflight and receipt alike, and stores nothing from them', async () => {
      const { url } = await start()
      const origin = 'https://evil.example'
      const preflight = await fetch(`${url}/v1/receipts`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      })
      expect(preflight.status).toBe(403)
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
      const sent = receipt()
      const post = await send(url, sent, { origin })
      expect(post.status).toBe(403)
      expect(post.headers.get('access-control-allow-origin')).toBeNull()
      expect(await (await read(url, `/v1/receipts?consentId=${sent.consentId}`)).json()).toEqual([])
    })

    test('takes receipts without an Origin (a server, curl) without CORS headers', async () => {
      const { url } = await start()
      const response = await fetch(`${url}/v1/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(receipt()),
      })
      expect(response.status).toBe(201)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
    })

    test('"*" allows any origin, still echoed', async () => {
      const { url } = await start({ allowedOrigins: '*' })
      const response = await send(url, receipt(), { origin: 'https://other.example' })
      expect(response.status).toBe(201)
      expect(response.headers.get('access-control-allow-origin')).toBe('https://other.example')
    })
  })

  describe('reading', () => {
    test('needs the token: 401 without or with a wrong one, Bearer or Basic accepted', async () => {
      const { url } = await start()
      for (const path of ['/v1/receipts?consentId=' + receipt().consentId, '/v1/export', '/v1/verify', '/dpo']) {
        const none = await fetch(url + path)
        expect(none.status).toBe(401)
        expect(none.headers.get('www-authenticate')).toMatch(/Bearer realm="soglasie", Basic realm="soglasie"/)
        const wrong = await fetch(url + path, { headers: { authorization: `Bearer ${TOKEN}x` } })
        expect(wrong.status).toBe(401)
        expect((await read(url, path)).status).toBe(200)
        const basic = Buffer.from(`dpo:${TOKEN}`).toString('base64')
        expect((await fetch(url + path, { headers: { authorization: `Basic ${basic}` } })).status).toBe(200)
      }
    })

    test('is off without a configured token', async () => {
      const { url } = await start({ token: undefined })
      const response = await fetch(`${url}/v1/verify`, { headers: { authorization: 'Bearer ' } })
      expect(response.status).toBe(403)
      expect((await response.json()).error).toMatch(/no token/)
    })

    test('finds every receipt of one consent, in order', async () => {
      const { url } = await start()
      const given = receipt()
      const updated = receipt({ consentId: given.consentId, event: 'updated', method: 'reject-all' })
      await send(url, given)
      await send(url, receipt())
      await send(url, updated)
      const rows = await (await read(url, `/v1/receipts?consentId=${given.consentId}`)).json()
      expect(rows.map((row: { receipt: unknown }) => row.receipt)).toEqual([given, updated])
      expect(rows.map((row: { seq: number }) => row.seq)).toEqual([1, 3])
      const bad = await read(url, '/v1/receipts?consentId=nope')
      expect(bad.status).toBe(400)
      expect((await bad.json()).error).toBe('consentId: expected a UUID, got "nope"')
    })

    test('exports NDJSON: one row a line, in chain order, within from/to', async () => {
      const { url } = await start()
      const sent = [receipt(), receipt(), receipt()]
      for (const one of sent) await send(url, one)
      const response = await read(url, '/v1/export?format=ndjson')
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="receipts-\d{4}-\d{2}-\d{2}\.ndjson"$/)
      const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line))
      expect(lines.map((line) => line.receipt)).toEqual(sent)
      expect(lines[1].prevHash).toBe(lines[0].hash)

      const future = await read(url, '/v1/export?format=ndjson&from=2999-01-01')
      expect(await future.text()).toBe('')
      const past = await read(url, '/v1/export?to=2000-01-01T00:00:00Z')
      expect(await past.text()).toBe('')
      const now = await read(url, `/v1/export?from=2000-01-01&to=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`)
      expect((await now.text()).trimEnd().split('\n')).toHaveLength(3)
      const badFrom = await read(url, '/v1/export?from=yesterday')
      expect(badFrom.status).toBe(400)
      expect((await badFrom.json()).error).toMatch(/^from: expected an ISO 8601 date or time with zone, got "yesterday"/)
      expect((await read(url, '/v1/export?format=xml')).status).toBe(400)
    })

    test('exports CSV with RFC 4180 quoting, formulas defused, the hashed body exact', async () => {
      const { url } = await start()
      const tricky = receipt({ userAgent: '=HYPERLINK("http://x", "a, b")\r\nsecond line' })
      await send(url, tricky)
      const response = await read(url, '/v1/export?format=csv')
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
      const text = await response.text()
      const [header, row, ...rest] = parseCsv(text)
      expect(rest).toEqual([])
      expect(header).toEqual([
        'seq', 'received_at', 'ip', 'receipt_id', 'consent_id', 'event', 'method', 'timestamp', 'categories',
        'services', 'page', 'user_agent', 'body', 'prev_hash', 'hash',
      ])
      const record = Object.fromEntries(header!.map((name, i) => [name, row![i]]))
      expect(record.user_agent).toBe(`'${tricky.userAgent}`)
      expect(JSON.parse(record.body!)).toEqual(tricky)
      expect(record.body).toBe(JSON.stringify(tricky))
      expect(JSON.parse(record.categories!)).toEqual(tricky.categories)
      expect(record.receipt_id).toBe(tricky.receiptId)
    })

    test('the DPO page lists receipts with every field escaped', async () => {
      const { url } = await start()
      const hostile = receipt({ userAgent: '<script>alert(1)</script>' })
      await send(url, hostile)
      await send(url, receipt({ userAgent: '<img src=x onerror=alert(1)>' }))
      const response = await read(url, '/dpo')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
      const html = await response.text()
      expect(html).not.toContain('<script')
      expect(html).not.toContain('<img')
      expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
      expect(html).toContain(hostile.consentId)

      const one = await (await read(url, `/dpo?consentId=${hostile.consentId}`)).text()
      expect(one).toContain('&#60;script&#62;')
      expect(one).not.toContain('onerror')
      const notUuid = await (await read(url, `/dpo?consentId=${encodeURIComponent('"><script>x</script>')}`)).text()
      expect(notUuid).not.toContain('<script')
    })

    test('health answers while the store does', async () => {
      const { url } = await start()
      expect(await (await fetch(`${url}/v1/health`)).json()).toEqual({ ok: true })
    })
  })

  describe('client address', () => {
    test('truncated to /24 when configured', async () => {
      const { url } = await start({ clientIp: 'truncated' })
      const sent = receipt()
      await send(url, sent)
      const [row] = await (await read(url, `/v1/receipts?consentId=${sent.consentId}`)).json()
      expect(row.ip).toBe('127.0.0.0')
    })

    test('not kept at all when configured', async () => {
      const { url } = await start({ clientIp: 'none' })
      const sent = receipt()
      await send(url, sent)
      const [row] = await (await read(url, `/v1/receipts?consentId=${sent.consentId}`)).json()
      expect(row.ip).toBeNull()
    })

    test('from the proxy\'s X-Forwarded-For entry only when the proxy is trusted', async () => {
      const forwarded = { 'x-forwarded-for': '198.51.100.1, 203.0.113.57' }
      const trusting = await start({ clientIp: 'truncated', trustProxy: true })
      const sent = receipt()
      await send(trusting.url, sent, forwarded)
      const [row] = await (await read(trusting.url, `/v1/receipts?consentId=${sent.consentId}`)).json()
      expect(row.ip).toBe('203.0.113.0')

      const direct = await start()
      const other = receipt()
      await send(direct.url, other, forwarded)
      const [plain] = await (await read(direct.url, `/v1/receipts?consentId=${other.consentId}`)).json()
      expect(plain.ip).toBe('127.0.0.1')
    })
  })
})

/** Just enough RFC 4180 to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') record.push(field), (field = '')
    else if (char === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++
    else field += char
  }
  return records
}
