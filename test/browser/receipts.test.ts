// Consent receipts end to end: the widget in Chromium, the real collector behind a switch that can
// make it answer 503, and the collector's own query API as the judge of what was stored.
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, request as forward, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createCollector, type Collector } from '../../collector/src/index'
import { consentText } from '../../src/index'
import { MINIMAL_CONFIG, settle, useBrowserEnv, widgetPage, type Tab } from './harness'
import { bannerElement, button, preferencesDialog, switchNamed } from './ui-helpers'

const env = useBrowserEnv()
const TOKEN = 'receipts-test-token-0123456789'
const POLICY = '# Политика\n\nООО «Тест» обрабатывает данные посетителей.\n\n| Обработчик | Цель |\n| --- | --- |\n| ООО «Яндекс» | аналитика |\n'
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

interface Stored {
  receipt: Record<string, unknown> & { receiptId: string; consentId: string }
}

/**
 * The operator's endpoint as the browser sees it: a switch in front of the collector. While down it
 * answers 503 (as a collector behind nginx does when its database is gone), and records every
 * receiptId that reached it either way.
 */
interface Endpoint {
  readonly url: string
  down: boolean
  readonly attempts: string[]
  stored(consentId: string): Promise<Stored[]>
}

let collector: Collector
let gate: Server
let folder: string
let endpoint: Endpoint

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'soglasie-receipts-'))
  // The page is on 127.0.0.1, the endpoint on localhost: another origin, so CORS is exercised.
  collector = await createCollector({ store: join(folder, 'receipts.db'), allowedOrigins: [env.server.url], token: TOKEN })
  const attempts: string[] = []
  const state = { down: false }
  gate = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      if (req.method === 'POST') attempts.push(JSON.parse(body.toString()).receiptId)
      if (state.down && req.method === 'POST') {
        res.writeHead(503, { 'access-control-allow-origin': env.server.url, 'content-type': 'text/plain' }).end('down')
        return
      }
      const target = new URL(req.url!, collector.url)
      const proxied = forward(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        res.writeHead(answer.statusCode!, answer.headers)
        answer.pipe(res)
      })
      proxied.end(body)
    })
  })
  await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve))
  const url = `http://localhost:${(gate.address() as AddressInfo).port}/v1/receipts`
  endpoint = {
    url,
    attempts,
    get down() {
      return state.down
    },
    set down(value) {
      state.down = value
    },
    async stored(consentId) {
      const response = await fetch(`${collector.url}/v1/receipts?consentId=${consentId}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
      expect(response.status).toBe(200)
      return (await response.json()) as Stored[]
    },
  }
})

afterAll(async () => {
  gate?.closeAllConnections()
  await new Promise((resolve) => gate?.close(resolve))
  await collector?.close()
  await rm(folder, { recursive: true, force: true })
})

const config = (patch: Record<string, unknown> = {}) => ({
  ...MINIMAL_CONFIG,
  revision: 3,
  policy: { url: 'https://example.ru/privacy', version: '2025-09-01', markdown: POLICY },
  receipts: { endpoint: endpoint.url },
  ...patch,
})

const consentId = (tab: Tab) => tab.page.evaluate(() => window.Soglasie!.getConsent().id!)
const outbox = (tab: Tab) => tab.page.evaluate(() => JSON.parse(localStorage.getItem('soglasie:soglasie:outbox') ?? '[]').length as number)

async function storedOnce(id: string, count = 1): Promise<Stored[]> {
  let rows: Stored[] = []
  for (let i = 0; i < 100 && rows.length < count; i++) {
    rows = await endpoint.stored(id)
    if (rows.length < count) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return rows
}

describe('receipts', () => {
  test('a decision made while the collector is down arrives later, once, with the same receiptId', async () => {
    endpoint.down = true
    const visitor = await env.visitor()
    const site = env.server.page(widgetPage({ config: config() }))
    const tab = await visitor.open(site)
    await button(bannerElement(tab.page), 'Отклонить').click()
    const id = await consentId(tab)
    // It tried, got 503, and kept the receipt.
    await expect.poll(() => endpoint.attempts.length, { timeout: 5000 }).toBeGreaterThan(0)
    const first = endpoint.attempts[0]!
    expect(await outbox(tab)).toBe(1)
    await tab.page.goto('about:blank')

    endpoint.down = false
    expect(await endpoint.stored(id)).toEqual([])
    const again = await visitor.open(site)
    const rows = await storedOnce(id)
    expect(rows).toHaveLength(1)
    const receipt = rows[0]!.receipt
    expect(receipt.receiptId).toBe(first)
    expect(new Set(endpoint.attempts)).toEqual(new Set([first]))
    await expect.poll(() => outbox(again)).toBe(0)
    await settle(again)
    expect(await endpoint.stored(id)).toHaveLength(1)

    expect(receipt).toEqual({
      schema: 'soglasie.receipt/1',
      receiptId: first,
      consentId: id,
      event: 'given',
      method: 'reject-all',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      categories: { necessary: true, analytics: false, marketing: false },
      services: { 'yandex-metrica': false, 'vk-ads': false },
      revision: 3,
      policy: { url: 'https://example.ru/privacy', version: '2025-09-01', sha256: sha(POLICY) },
      consentText: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), language: 'ru' },
      page: `${env.server.url}${site}`,
      userAgent: await again.page.evaluate(() => navigator.userAgent),
    })
    expect(again.consoleErrors).toEqual([])
  })

  test('consentText is the hash of the banner texts as shown, so anyone can recompute it', async () => {
    const visitor = await env.visitor()
    const site = config({ consentDocument: { url: 'https://example.ru/consent' } })
    const tab = await visitor.open(widgetPage({ config: site }))
    const banner = bannerElement(tab.page)
    const shown = await banner.evaluate((section) =>
      [...section.querySelectorAll('h2, p:not(.links), a, button')].map((node) => node.textContent!.trim()),
    )
    expect(shown).toHaveLength(7)
    await button(banner, 'Принять все').click()
    const [row] = await storedOnce(await consentId(tab))
    expect(row!.receipt.consentText).toEqual({ sha256: sha(shown.join('\n')), language: 'ru' })
    // What an auditor runs, with nothing but the config.
    expect(consentText(site, 'ru')).toBe(shown.join('\n'))
    expect(row!.receipt).toMatchObject({ event: 'given', method: 'accept-all', categories: { analytics: true, marketing: true } })
  })

  test('every later decision is its own receipt: a change in the dialog, a withdrawal, an API call', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(widgetPage({ config: config() }))
    await button(bannerElement(tab.page), 'Настроить').click()
    const dialog = preferencesDialog(tab.page)
    await switchNamed(dialog, 'Аналитика').click()
    await button(dialog, 'Сохранить').click()
    const id = await consentId(tab)
    await storedOnce(id, 1)
    await tab.page.evaluate(() => window.Soglasie!.withdraw())
    await storedOnce(id, 2)
    await tab.page.evaluate(() => window.Soglasie!.accept({ marketing: true }))
    const rows = await storedOnce(id, 3)
    expect(rows.map((r) => [r.receipt.event, r.receipt.method, r.receipt.categories])).toEqual([
      ['given', 'custom', { necessary: true, analytics: true, marketing: false }],
      ['withdrawn', 'api', { necessary: true, analytics: false, marketing: false }],
      ['updated', 'api', { necessary: true, analytics: false, marketing: true }],
    ])
    expect(new Set(rows.map((r) => r.receipt.receiptId)).size).toBe(3)
  })

  test('without an endpoint nothing is sent and nothing is kept', async () => {
    const visitor = await env.visitor()
    const before = endpoint.attempts.length
    const requests: string[] = []
    visitor.context.on('request', (r) => r.method() === 'POST' && requests.push(r.url()))
    const tab = await visitor.open(widgetPage({ config: config({ receipts: {} }) }))
    await button(bannerElement(tab.page), 'Принять все').click()
    await settle(tab)
    expect(requests).toEqual([])
    expect(endpoint.attempts.length).toBe(before)
    expect(await tab.page.evaluate(() => Object.keys(localStorage))).toEqual([])
    expect(tab.consoleErrors).toEqual([])
  })
})
