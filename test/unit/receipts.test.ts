import { createHash } from 'node:crypto'
import Cookies from 'js-cookie'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { Model } from '../../src/config/model'
import { parseConfig } from '../../src/config/validate'
import { connect, type Decision } from '../../src/consent/store'
import { deliver, OUTBOX_LIMIT } from '../../src/receipts/deliver'
import { openOutbox, type Outbox } from '../../src/receipts/outbox'
import { draft, type Entry, type Receipt } from '../../src/receipts/receipt'
import { compute, sha256 } from '../../src/receipts/sha256'
import { config } from './fixtures'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const nodeSha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')
const seen = { text: 'Мы используем cookie\nПринять все', language: 'ru' }

let model: Model
let decisions: Decision[]
let outbox: Outbox
let tests = 0

beforeEach(() => {
  model = parseConfig(config({ policy: { version: '2025-09-01', markdown: '# Политика\n\nТекст.' }, receipts: { endpoint: 'https://consent.example.ru/v1/receipts' } })).model!
  decisions = []
  // A delivery never stops on a real page; each test gets an outbox of its own, and its retry
  // timers are fake, dropped when the test ends.
  outbox = openOutbox(`outbox-${++tests}`)
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  // Never the real network, not even from a delivery a finished test left running.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in unit tests')))
})
afterEach(() => {
  for (const name of Object.keys(Cookies.get())) Cookies.remove(name)
  vi.restoreAllMocks()
  vi.useRealTimers()
})

const decide = (act: (actions: ReturnType<typeof connect>) => void) => {
  const actions = connect(model)
  actions.onDecision((decision) => decisions.push(decision))
  act(actions)
  return draft(decisions.at(-1)!, model, seen)
}

test('the fallback SHA-256 equals the standard one at every padding boundary and for Cyrillic', () => {
  for (let length = 0; length < 200; length++) {
    const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 255)
    expect(hex(compute(data))).toBe(nodeSha(data))
  }
  const text = 'Политика обработки персональных данных ООО «МЕДИАСФЕРА СОФТ». '.repeat(500)
  expect(hex(compute(new TextEncoder().encode(text)))).toBe(nodeSha(text))
})

test('sha256 hashes the UTF-8 of a text, as hex, with and without WebCrypto', async () => {
  expect(await sha256('согласие')).toBe(nodeSha('согласие'))
  const webCrypto = crypto
  vi.stubGlobal('crypto', { getRandomValues: webCrypto.getRandomValues.bind(webCrypto) })
  expect(await sha256('согласие')).toBe(nodeSha('согласие'))
  vi.stubGlobal('crypto', webCrypto)
})

test('a receipt records who agreed to what, when, on which page, and what they were shown', () => {
  history.replaceState(null, '', '/catalog/item?utm_source=mail&email=a@b.ru#top')
  const receipt = decide((a) => a.accept({ analytics: true }, 'custom'))
  expect(receipt).toMatchObject({
    schema: 'soglasie.receipt/1',
    event: 'given',
    method: 'custom',
    categories: { necessary: true, analytics: true, marketing: false },
    services: { 'yandex-metrica': true, 'vk-ads': false, amocrm: true },
    revision: 1,
    policy: { url: null, version: '2025-09-01' },
    consentText: seen,
    page: `${location.origin}/catalog/item`,
    userAgent: navigator.userAgent,
  })
  expect(receipt.receiptId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(receipt.receiptId).not.toBe(receipt.consentId)
  expect(receipt.consentId).toBe(decisions[0]!.consent.id)
  expect(Date.parse(receipt.timestamp)).toBeGreaterThan(Date.now() - 5000)
})

test('the first decision is given, a later change updated, refusing everything optional withdrawn', () => {
  const actions = connect(model)
  actions.onDecision((decision) => decisions.push(decision))
  actions.rejectAll('reject-all')
  actions.accept({ marketing: true }, 'custom')
  actions.accept({ marketing: false }, 'custom')
  actions.acceptAll('api')
  actions.withdraw('api')
  const events = decisions.map((d) => draft(d, model, seen)).map((r) => [r.event, r.method])
  expect(events).toEqual([
    ['given', 'reject-all'],
    ['updated', 'custom'],
    ['withdrawn', 'custom'],
    ['updated', 'api'],
    ['withdrawn', 'api'],
  ])
  expect(new Set(decisions.map((d) => draft(d, model, seen).consentId)).size).toBe(1)
})

test('a placeholder click is a receipt of its own with method placeholder', () => {
  const receipt = decide((a) => a.allowFromPlaceholder('yandex-metrica'))
  expect(receipt).toMatchObject({ event: 'given', method: 'placeholder', services: { 'yandex-metrica': true, 'vk-ads': false } })
})

// ---------------------------------------------------------------------------------------------------
// Delivery

interface Call {
  url: string
  body: Receipt
  init: RequestInit
}

/** An endpoint that answers with the given statuses in turn (the last one repeats). */
function endpoint(...statuses: number[]): Call[] {
  const calls: Call[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init, body: JSON.parse(init.body as string) })
    return new Response(null, { status: statuses[Math.min(calls.length - 1, statuses.length - 1)] })
  })
  return calls
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

/** Lets hashing and fetches finish: they wait on real I/O, not on the (fake) timers. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await tick()
}

/** Waits (in real time, without moving the fake clock) until `check` passes. */
async function until(check: () => void): Promise<void> {
  const end = Date.now() + 3000
  for (;;) {
    try {
      return check()
    } catch (error) {
      if (Date.now() > end) throw error
      await tick()
    }
  }
}

test('a delivered receipt carries the hashes and leaves the outbox only after a 2xx', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const calls = endpoint(503, 503, 201)
  outbox.write([decide((a) => a.acceptAll('accept-all'))])
  deliver(model, outbox)
  await until(() => expect(calls).toHaveLength(1))
  await settle()
  expect(outbox.read()).toHaveLength(1)
  vi.advanceTimersByTime(1999)
  await settle()
  expect(calls).toHaveLength(1)
  vi.advanceTimersByTime(1)
  await until(() => expect(calls).toHaveLength(2))
  await settle()
  expect(outbox.read()).toHaveLength(1)
  vi.advanceTimersByTime(4000) // backoff doubles
  await until(() => expect(outbox.read()).toEqual([]))
  expect(calls).toHaveLength(3)

  const [first, , last] = calls
  expect(last!.body).toEqual(first!.body)
  expect(first!.url).toBe('https://consent.example.ru/v1/receipts')
  expect(first!.init).toMatchObject({ method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' } })
  expect(first!.body.policy).toEqual({ url: null, version: '2025-09-01', sha256: nodeSha('# Политика\n\nТекст.') })
  expect(first!.body.consentText).toEqual({ sha256: nodeSha(seen.text), language: 'ru' })
  expect(Object.keys(first!.body)).toEqual([
    'schema', 'receiptId', 'consentId', 'event', 'method', 'timestamp', 'categories', 'services',
    'revision', 'policy', 'consentText', 'page', 'userAgent',
  ])
})

test('receipts waiting from earlier pages go out oldest first, each once', async () => {
  const calls = endpoint(201)
  const actions = connect(model)
  actions.onDecision((decision) => outbox.write([...outbox.read(), draft(decision, model, seen)]))
  actions.rejectAll('reject-all')
  actions.acceptAll('accept-all')
  const ids = outbox.read().map((r: Entry) => r.receiptId)
  const flush = deliver(model, outbox)
  flush()
  await until(() => expect(outbox.read()).toEqual([]))
  await settle()
  expect(calls.map((c) => c.body.receiptId)).toEqual(ids)
})

test('a policy changed before its receipt was hashed is recorded as unknown, not as the new text', async () => {
  const calls = endpoint(201)
  outbox.write([decide((a) => a.acceptAll('accept-all'))])
  const changed = parseConfig(config({ policy: { version: '2025-10-01', markdown: '# Новая политика' }, receipts: model.receipts })).model!
  deliver(changed, outbox)
  await until(() => expect(calls).toHaveLength(1))
  expect(calls[0]!.body.policy).toEqual({ url: null, version: '2025-09-01', sha256: null })
})

test('past the limit the oldest receipts are dropped, loudly', async () => {
  const calls = endpoint(503)
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  const receipt = decide((a) => a.acceptAll('accept-all'))
  const entries = Array.from({ length: OUTBOX_LIMIT + 2 }, (_, i) => ({ ...receipt, receiptId: `id-${i}` }))
  outbox.write(entries)
  const dropped: string[] = []
  addEventListener('soglasie:receipt-dropped', (event) => dropped.push((event as CustomEvent<Entry>).detail.receiptId))
  deliver(model, outbox)
  expect(dropped).toEqual(['id-0', 'id-1'])
  expect(outbox.read().map((e) => e.receiptId)).toEqual(entries.slice(2).map((e) => e.receiptId))
  expect(errors.mock.calls.join('\n')).toContain('id-0')
  await until(() => expect(calls.map((c) => c.body.receiptId)).toEqual(['id-2']))
})

test('without localStorage the outbox still keeps receipts for the page', () => {
  const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError')
  })
  const receipt = decide((a) => a.acceptAll('accept-all'))
  outbox.write([receipt])
  expect(outbox.read()).toEqual([receipt])
  setItem.mockRestore()
})
