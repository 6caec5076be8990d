// The demo that `npm start` serves, as a visitor sees it in Chromium: the landing page with the widget,
// its policy and processors, the stand-ins answering for the trackers (a service worker, allowed here,
// unlike the harness's contexts), the panel that lists their requests, and the receipt in the
// collector. Every request outside the loopback is routed to a stub as well: one that reaches the
// route instead of the stand-ins is logged, one that escapes both fails the test.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createCollector } from '../../collector/src/index'
import { startDemo, type Demo } from '../../demo/server.mjs'
import { PAST_TILDA_TIMERS } from './gating-helpers'
import { routeOutside } from '../../scripts/offline.mjs'
import { isLoopback, isTracker, launchChromium, ROOT, type LoggedRequest } from './harness'
import { bannerElement, button, policyDialog, preferencesDialog } from './ui-helpers'

const config = JSON.parse(readFileSync(join(ROOT, 'demo/soglasie.config.json'), 'utf8')) as {
  services: Record<string, { processor?: { name: string } }>
}
const PROCESSORS = new Set(Object.values(config.services).map((service) => service.processor!.name))
const METRICA_ID = 12345678
const VK_ADS_ID = '3456789'

let demo: Demo
let browser: Browser
let folder: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'soglasie-demo-'))
  demo = await startDemo({ port: 0, collectorPort: 0, store: join(folder, 'receipts.db'), createCollector, log: () => {} })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
  await rm(folder, { recursive: true, force: true })
})

interface Visit {
  readonly page: Page
  /** Outside requests that reached the route (not answered by the stand-ins). */
  readonly routed: LoggedRequest[]
  /** Every outside request the browser made, answered by the stand-ins or by the route. */
  outside(): string[]
  readonly pageErrors: Error[]
}

let contexts: { context: BrowserContext; escaped: () => Promise<string[]> }[] = []

afterEach(async () => {
  const current = contexts
  contexts = []
  const escaped = (await Promise.all(current.map((c) => c.escaped()))).flat()
  await Promise.all(current.map((c) => c.context.close()))
  if (escaped.length) throw new Error(`requests left both the stand-ins and the route (must never happen):\n  ${escaped.join('\n  ')}`)
})

/** A fresh visitor on the demo page, once the stand-ins control it and the widget has started. */
async function visit(): Promise<Visit> {
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1400, height: 900 } })
  const routed: LoggedRequest[] = []
  const answered = new Set<Request>()
  const seen: Request[] = []
  context.on('request', (request) => seen.push(request))
  await routeOutside(context, (request, url) => {
    answered.add(request)
    routed.push({ url: url.href, host: url.hostname, time: Date.now(), resourceType: request.resourceType() })
    console.info(`demo: reached the route, not the stand-ins: ${url.href}`)
    return { status: 204 }
  })
  const outsideRequests = () => seen.filter((r) => /^https?:/.test(r.url()) && !isLoopback(new URL(r.url()).hostname))
  const escaped = async () => {
    const unanswered = outsideRequests().filter((r) => !answered.has(r))
    const fromStandIns = await Promise.all(
      unanswered.map((r) =>
        Promise.race([
          r.response().then((response) => response?.fromServiceWorker() === true, () => false),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
        ]),
      ),
    )
    return unanswered.filter((_, i) => !fromStandIns[i]).map((r) => r.url())
  }
  contexts.push({ context, escaped })

  const page = await context.newPage()
  const pageErrors: Error[] = []
  page.on('pageerror', (error) => pageErrors.push(error))
  // The first visit is stopped and loaded again once the stand-ins control it: wait for that load.
  await page.goto(demo.url + '/', { waitUntil: 'commit' })
  await page.waitForFunction(
    () => navigator.serviceWorker.controller !== null && window.Soglasie !== undefined && document.readyState === 'complete',
    null,
    { timeout: 30_000 },
  )
  return { page, routed, pageErrors, outside: () => outsideRequests().map((r) => r.url()) }
}

const panel = (page: Page) => page.locator('#demo-panel')
const panelCount = (page: Page, which: 'before' | 'after') => panel(page).locator(`[data-demo-count="${which}"] b`).textContent()
/** The outside requests the panel lists, with whether the stand-ins answered each. */
const panelRows = (page: Page) =>
  panel(page)
    .locator('li[data-url]')
    .evaluateAll((items) => items.map((li) => ({ url: li.getAttribute('data-url')!, standIn: li.getAttribute('data-worker') === 'true' })))

describe('the demo', () => {
  test('the landing page shows the banner, the policy with Appendix 1 as a table, and 14 processors', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await visit()
    await expect(page.locator('.t-cover__title').textContent()).resolves.toContain('Автоматизируем продажи')
    const banner = bannerElement(page)
    await banner.waitFor({ state: 'visible' })
    for (const name of ['Принять все', 'Отклонить', 'Настроить']) expect(await button(banner, name).isVisible()).toBe(true)

    await banner.getByRole('link', { name: 'Политика обработки персональных данных' }).click()
    const policy = policyDialog(page)
    await policy.waitFor({ state: 'visible' })
    const appendix = policy.locator('table').filter({ hasText: 'Наименование третьего лица' })
    expect(await appendix.locator('tbody tr').count()).toBe(14)
    const table = (await appendix.textContent())!
    expect([...PROCESSORS].filter((name) => !table.includes(name))).toEqual([])
    await page.keyboard.press('Escape')
    await policy.waitFor({ state: 'hidden' })

    await button(banner, 'Настроить').click()
    const preferences = preferencesDialog(page)
    await preferences.waitFor({ state: 'visible' })
    const listed = await preferences.locator('dl > div').evaluateAll((rows) =>
      rows.filter((row) => row.querySelector('dt')?.textContent === 'Обработчик').map((row) => row.querySelector('dd')!.textContent!),
    )
    expect(new Set(listed)).toEqual(PROCESSORS)
    expect(PROCESSORS.size).toBe(14)
    await page.keyboard.press('Escape')
    await preferences.waitFor({ state: 'hidden' })

    // The demo is offline: a link to the operator's site stays closed and says why.
    await banner.getByRole('link', { name: 'Согласие на обработку персональных данных' }).click()
    await expect(page.locator('#demo-note').textContent()).resolves.toContain('без интернета')
    expect(page.url()).toBe(demo.url + '/')
    expect(pageErrors).toEqual([])
  })

  test('no tracker request before consent, past Tilda’s timer; after «Принять все» the stand-ins answer, listed in the panel; the receipt reaches the collector', { timeout: 60_000 }, async () => {
    const { page, routed, outside, pageErrors } = await visit()
    await page.waitForTimeout(PAST_TILDA_TIMERS)
    expect(await panelCount(page, 'before')).toBe('0')
    expect(await panelRows(page)).toEqual([])
    await expect(panel(page).locator('li.demo-empty').textContent()).resolves.toContain('ни одного запроса')
    await expect(panel(page).locator('[data-demo-tilda]').textContent()).resolves.toContain('удержан виджетом')
    expect(outside().filter((url) => isTracker(new URL(url).hostname))).toEqual([])
    expect(routed.filter((r) => isTracker(r.host))).toEqual([])

    await button(bannerElement(page), 'Принять все').click()
    const expected = [
      `https://mc.yandex.ru/metrika/tag.js?id=${METRICA_ID}`,
      `https://mc.yandex.ru/watch/${METRICA_ID}?`,
      'https://top-fwz1.mail.ru/js/code.js',
      `https://top-fwz1.mail.ru/counter?id=${VK_ADS_ID};js=13;e=RT%2Fload`,
      'https://widgets.mango-office.ru/widgets/mango.js',
      'https://widgets.mango-office.ru/widgets/calltracking/',
      'https://salebot.pro/js/salebot.js',
      'https://script.marquiz.ru/v2.js',
      'https://bothelp.io/widget-folder/widget-page.js',
      'https://image.sendsay.ru/app/js/forms/forms.min.js',
      'https://forms.yandex.ru/_static/embed.js',
      'https://forms.yandex.ru/u/6745a1b2c3d4e5f6a7b8c9d0/?iframe=1',
    ]
    const missing = async () => {
      const rows = await panelRows(page)
      return expected.filter((prefix) => !rows.some((row) => row.standIn && row.url.startsWith(prefix)))
    }
    await expect.poll(missing, { timeout: 10_000 }).toEqual([])

    // Tilda's own snippet runs after consent too, and its tag.js comes 2 s later: the configured
    // counter has loaded already, so it neither loads again nor counts the visit twice.
    await page.waitForTimeout(PAST_TILDA_TIMERS)
    await expect(panel(page).locator('[data-demo-tilda]').textContent()).resolves.toContain('запущен')
    const rows = await panelRows(page)
    expect(rows.filter((row) => row.url.startsWith('https://mc.yandex.ru/metrika/tag.js'))).toHaveLength(1)
    expect(rows.filter((row) => row.url.startsWith(`https://mc.yandex.ru/watch/${METRICA_ID}?`))).toHaveLength(1)
    expect(rows.filter((row) => !row.standIn)).toEqual([])
    expect(await panelCount(page, 'before')).toBe('0')
    expect(await panelCount(page, 'after')).toBe(String(rows.length))
    expect(outside().length).toBeGreaterThanOrEqual(rows.length - 1) // the form's frame opens locally

    // What the stand-ins did on the page, as the vendors' tags would.
    const cookies = (await page.context().cookies(demo.url)).map((c) => c.name)
    expect(cookies).toEqual(expect.arrayContaining(['soglasie', '_ym_uid', '_ym_d', 'tmr_lvid', 'mgo_uid']))
    expect(await page.locator('.t228__phone').textContent()).toBe('+7 (812) 000-00-15')
    expect(await page.locator('iframe[name^="ya-form-"]').getAttribute('src')).toMatch(/^\/demo\/frame\.html\?src=https%3A%2F%2Fforms\.yandex\.ru%2F/)
    expect(await panel(page).locator('[data-category]').evaluateAll((chips) => chips.map((c) => c.textContent))).toEqual([
      'Необходимые ✓',
      'Аналитика ✓',
      'Реклама ✓',
      'Функциональные ✓',
    ])

    // The receipt, on the collector's page for the DPO (the panel links to it).
    const consentId = await page.evaluate(() => window.Soglasie!.getConsent().id!)
    expect(await panel(page).locator('[data-demo-dpo]').getAttribute('href')).toBe(demo.dpoUrl)
    const dpoPage = async () => {
      const response = await fetch(demo.dpoUrl, { headers: { authorization: `Bearer ${demo.token}` } })
      return response.status === 200 && (await response.text()).includes(consentId)
    }
    await expect.poll(dpoPage, { timeout: 10_000 }).toBe(true)
    const stored = (await (
      await fetch(`${demo.collectorUrl}/v1/receipts?consentId=${consentId}`, { headers: { authorization: `Bearer ${demo.token}` } })
    ).json()) as { receipt: { method: string; page: string } }[]
    expect(stored.map((row) => [row.receipt.method, row.receipt.page])).toEqual([['accept-all', demo.url + '/']])
    expect(pageErrors).toEqual([])
  })

  test('a returning visitor’s page loaded past the stand-ins (Shift+Reload) waits for them: its trackers still stay on the machine', { timeout: 60_000 }, async () => {
    const { page, routed } = await visit()
    await button(bannerElement(page), 'Принять все').click()
    await expect.poll(() => panelCount(page, 'after'), { timeout: 10_000 }).not.toBe('0')
    let loads = 0
    page.on('framenavigated', (frame) => frame === page.mainFrame() && loads++)
    const session = await page.context().newCDPSession(page)
    await session.send('Page.reload', { ignoreCache: true })
    await page.waitForFunction(
      () => navigator.serviceWorker.controller !== null && window.Soglasie?.getConsent().decided === true && document.readyState === 'complete',
      null,
      { timeout: 30_000 },
    )
    await expect.poll(async () => (await panelRows(page)).some((row) => row.standIn && row.url.startsWith('https://mc.yandex.ru/watch/')), { timeout: 10_000 }).toBe(true)
    expect((await panelRows(page)).filter((row) => !row.standIn)).toEqual([])
    expect(routed).toEqual([])
    // The force-reloaded page went past the worker: it was stopped and loaded again under it.
    expect(loads).toBe(2)
  })
})
