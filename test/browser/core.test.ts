// End-to-end behaviour of dist/soglasie.js in Chromium. Every outside request is stubbed and logged
// (see harness.ts); "0 tracker requests" always comes with a positive control on the same page.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Script } from 'node:vm'
import type { Response } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import {
  CONTROL_SCRIPT,
  DAY,
  DIST,
  DEFAULT_STUBS,
  METRICA_TAG,
  MINIMAL_CONFIG,
  MINIMAL_IDS,
  SAMPLE_UUID,
  TOP_MAIL_CODE,
  consentCookie,
  cookieValue,
  counter,
  events,
  gated,
  gatedSrc,
  getConsent,
  idSetHash,
  plainScript,
  ran,
  settle,
  trackerRequests,
  useBrowserEnv,
  widgetErrors,
  widgetPage,
  type Tab,
  type Visitor,
} from './harness'

const env = useBrowserEnv()

/** What most tests put on the page: an inline analytics snippet, the Metrica tag behind consent, and an
 * ungated harmless third-party script whose request proves the log is working on this very page. */
const GATED_BODY = [gated('analytics-inline', 'analytics'), gatedSrc(METRICA_TAG, 'analytics'), plainScript(CONTROL_SCRIPT)].join('\n')

const urls = (visitor: Visitor) => visitor.log.map((r) => r.url)
const count = (visitor: Visitor, prefix: string) => urls(visitor).filter((u) => u.startsWith(prefix)).length
const call = (tab: Tab, method: 'acceptAll' | 'rejectAll' | 'withdraw') =>
  tab.page.evaluate((m) => window.Soglasie![m](), method)
const waitForMetricaHit = (tab: Tab) =>
  tab.page.waitForFunction(() => (window.__metricaLoaded ?? 0) > 0, null, { timeout: 5000 })

/** The control script was requested and ran: the stubs and the log work on this page. */
async function expectControlLoaded(visitor: Visitor, tab: Tab) {
  expect(urls(visitor)).toContain(CONTROL_SCRIPT)
  expect(await counter(tab, '__controlLoaded')).toBe(1)
}

describe('harness', () => {
  test('a plain (ungated) tracker script is stubbed, logged, runs and fires its hit', async () => {
    const visitor = await env.visitor()
    // Auto-blocking off: this checks the stubs, not the widget (auto-blocking has its own tests).
    const tab = await visitor.open(
      widgetPage({ config: { ...MINIMAL_CONFIG, autoBlock: false }, body: plainScript(METRICA_TAG) + plainScript(TOP_MAIL_CODE) }),
    )
    await settle(tab)

    expect(await counter(tab, '__metricaLoaded')).toBe(1)
    expect(await counter(tab, '__topMailLoaded')).toBe(1)
    const trackers = trackerRequests(visitor.log).map((r) => r.url)
    expect(trackers).toContain(METRICA_TAG)
    expect(trackers.some((u) => u.startsWith('https://mc.yandex.ru/watch/1'))).toBe(true)
    expect(trackers).toContain(TOP_MAIL_CODE)
    expect(trackers.some((u) => u.startsWith('https://top-fwz1.mail.ru/counter?'))).toBe(true)
    expect(visitor.log.every((r) => r.host !== '127.0.0.1' && r.time > 0)).toBe(true)
    expect(tab.pageErrors).toEqual([])
  })
})

describe('before any decision', () => {
  test('fresh visit sends nothing to trackers', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(widgetPage({ body: GATED_BODY }))
    await settle(tab)

    await expectControlLoaded(visitor, tab)
    expect(trackerRequests(visitor.log)).toEqual([])
    expect(await ran(tab)).toEqual([])
    expect(await getConsent(tab)).toEqual({
      id: null,
      decided: false,
      revision: 1,
      timestamp: null,
      categories: { necessary: true, analytics: false, marketing: false },
      services: { 'yandex-metrica': false, 'vk-ads': false },
    })
    expect(await consentCookie(visitor, env.server)).toBeUndefined()
    expect(tab.pageErrors).toEqual([])
    expect(widgetErrors(tab)).toEqual([])
  })
})

describe('deciding', () => {
  test('acceptAll runs each gated script exactly once and the tracker fires', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(widgetPage({ body: GATED_BODY }))
    await settle(tab, 200)
    expect(trackerRequests(visitor.log)).toEqual([])

    await call(tab, 'acceptAll')
    await waitForMetricaHit(tab)
    await settle(tab)
    expect(await ran(tab)).toEqual(['analytics-inline'])
    expect(count(visitor, 'https://mc.yandex.ru/watch/1')).toBe(1)

    await call(tab, 'acceptAll')
    await settle(tab)
    expect(await ran(tab)).toEqual(['analytics-inline'])
    expect(await counter(tab, '__metricaLoaded')).toBe(1)
    expect(count(visitor, METRICA_TAG)).toBe(1)
    expect(count(visitor, 'https://mc.yandex.ru/watch/1')).toBe(1)

    // A script that ran cannot be stopped: refusing reloads the page, which then runs nothing.
    await Promise.all([tab.page.waitForEvent('load'), call(tab, 'rejectAll')])
    await settle(tab)
    expect(await ran(tab)).toEqual([])
    expect(count(visitor, METRICA_TAG)).toBe(1)
    await call(tab, 'acceptAll')
    await waitForMetricaHit(tab)
    await settle(tab)
    expect(await ran(tab)).toEqual(['analytics-inline'])
    expect(await counter(tab, '__metricaLoaded')).toBe(1)

    const cookie = await consentCookie(visitor, env.server)
    expect(cookie).toBeDefined()
    expect(cookie!.sameSite).toBe('Lax')
    expect(cookie!.path).toBe('/')
    expect(cookie!.value).toMatch(/^1\.d\.[0-9a-f-]{36}\.1\.[0-9a-z]+\.[0-9a-z]+\./)
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 300 * DAY)
    expect(tab.pageErrors).toEqual([])
  })

  test('reload after accepting keeps the consent and runs gated scripts on load, without any call', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(widgetPage({ body: GATED_BODY }))
    await call(tab, 'acceptAll')
    await waitForMetricaHit(tab)
    const before = await getConsent(tab)

    await tab.reload()
    await waitForMetricaHit(tab)
    await settle(tab)
    const after = await getConsent(tab)
    expect(after.decided).toBe(true)
    expect(after.id).toBe(before.id)
    expect(after.categories).toEqual({ necessary: true, analytics: true, marketing: true })
    expect(await tab.page.evaluate(() => window.Soglasie!.isAllowed('analytics'))).toBe(true)
    expect(await ran(tab)).toEqual(['analytics-inline'])
    expect(await counter(tab, '__metricaLoaded')).toBe(1)
    expect(count(visitor, 'https://mc.yandex.ru/watch/1')).toBe(2) // one per page load
    expect(tab.pageErrors).toEqual([])
  })

  test('rejectAll sends nothing, stores the refusal, and the refusal survives a reload', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(widgetPage({ body: GATED_BODY }))
    await call(tab, 'rejectAll')
    await settle(tab)

    expect(trackerRequests(visitor.log)).toEqual([])
    expect(await ran(tab)).toEqual([])
    const cookie = await consentCookie(visitor, env.server)
    expect(cookie?.value).toMatch(/^1\.d\./)
    expect(cookie?.sameSite).toBe('Lax')

    await tab.reload()
    await settle(tab)
    const consent = await getConsent(tab)
    expect(consent.decided).toBe(true)
    expect(consent.categories).toEqual({ necessary: true, analytics: false, marketing: false })
    expect(consent.services).toEqual({ 'yandex-metrica': false, 'vk-ads': false })
    expect(await ran(tab)).toEqual([])
    expect(trackerRequests(visitor.log)).toEqual([])
    expect(count(visitor, CONTROL_SCRIPT)).toBe(2) // the page really loaded twice, with a working log
    expect(tab.pageErrors).toEqual([])
  })

  test('a service refused inside an allowed category stays off while the category runs', async () => {
    const visitor = await env.visitor()
    const body = [
      gated('metrica-snippet', 'analytics', { service: 'yandex-metrica' }),
      gatedSrc(METRICA_TAG, 'analytics', { service: 'yandex-metrica' }),
      gated('analytics-plain', 'analytics'),
    ].join('\n')
    const tab = await visitor.open(widgetPage({ body }))

    await tab.page.evaluate(() => window.Soglasie!.accept({ analytics: true, 'yandex-metrica': false }))
    await settle(tab)
    expect(await ran(tab)).toEqual(['analytics-plain'])
    expect(trackerRequests(visitor.log)).toEqual([])
    expect(await tab.page.evaluate(() => [window.Soglasie!.isAllowed('analytics'), window.Soglasie!.isAllowed('yandex-metrica')])).toEqual([true, false])

    await tab.reload()
    await settle(tab)
    expect(await ran(tab)).toEqual(['analytics-plain'])
    expect(trackerRequests(visitor.log)).toEqual([])

    // Positive control: the service snippets do run once the service itself is allowed.
    await tab.page.evaluate(() => window.Soglasie!.accept({ 'yandex-metrica': true }))
    await waitForMetricaHit(tab)
    expect(await ran(tab)).toEqual(['analytics-plain', 'metrica-snippet'])
    expect(tab.pageErrors).toEqual([])
  })

  test('gated scripts run in document order: an inline snippet may use what the external one before it defines', async () => {
    const visitor = await env.visitor()
    // The tag answers late: a widget that does not wait for it would run the inline snippet first.
    visitor.stub(METRICA_TAG, { ...DEFAULT_STUBS.find((s) => s.match === METRICA_TAG)!.reply, delay: 400 })
    const inline = `<script type="text/plain" data-consent="analytics">
      ym(1, 'init', { webvisor: false }); (window.__ran = window.__ran || []).push('ym-init');
    </script>`
    const tab = await visitor.open(widgetPage({ body: gatedSrc(METRICA_TAG, 'analytics') + inline + gated('last', 'analytics') }))

    await call(tab, 'acceptAll')
    await tab.page.waitForFunction(() => (window.__ran ?? []).length === 2, null, { timeout: 5000 })
    expect(await ran(tab)).toEqual(['ym-init', 'last'])
    expect(await tab.page.evaluate(() => (window as unknown as { ym: { a: unknown[] } }).ym.a)).toEqual([[1, 'init', { webvisor: false }]])
    expect(tab.pageErrors).toEqual([])

    // Same on a load where consent is already stored.
    await tab.reload()
    await tab.page.waitForFunction(() => (window.__ran ?? []).length === 2, null, { timeout: 5000 })
    expect(await ran(tab)).toEqual(['ym-init', 'last'])
    expect(tab.pageErrors).toEqual([])
  })
})

describe('a stored cookie the widget cannot trust means "not decided"', () => {
  // expiresDays 30 so "too old" is a month, not a year.
  const config = { ...MINIMAL_CONFIG, cookie: { expiresDays: 30 } }
  const now = () => Math.floor(Date.now() / 1000)

  async function visitWithCookie(value: string) {
    const visitor = await env.visitor()
    await visitor.context.addCookies([{ name: 'soglasie', value, url: env.server.url }])
    const tab = await visitor.open(widgetPage({ config, body: GATED_BODY }))
    await settle(tab)
    await expectControlLoaded(visitor, tab)
    return { visitor, tab }
  }

  test('positive control: a well-formed, fresh cookie is read as a decision', async () => {
    const { visitor, tab } = await visitWithCookie(cookieValue({ seconds: now() - 29 * DAY }))
    await waitForMetricaHit(tab)
    const consent = await getConsent(tab)
    expect(consent).toMatchObject({ id: SAMPLE_UUID, decided: true, revision: 1 })
    expect(consent.categories).toEqual({ necessary: true, analytics: true, marketing: false })
    expect(consent.services).toEqual({ 'yandex-metrica': true, 'vk-ads': false })
    expect(await ran(tab)).toEqual(['analytics-inline'])
    expect(trackerRequests(visitor.log).length).toBeGreaterThan(0)
  })

  test.each([
    ['garbage', 'garbage'],
    ['broken percent-encoding', '%E0%A4%A.%%'],
    ['only dots', '.......'],
    ['an id that is not a uuid', cookieValue({ id: 'not-a-uuid' })],
    ['an unknown format version', cookieValue({ version: '0' })],
    ['an old format without the version', cookieValue().split('.').slice(1).join('.')],
    ['an unknown state letter', cookieValue({ state: 'x' })],
    ['another revision', cookieValue({ revision: 2 })],
    ['older than expiresDays', cookieValue({ seconds: now() - 31 * DAY })],
    ['a time days in the future', cookieValue({ seconds: now() + 3 * DAY })],
    ['a time that is not a number', cookieValue().replace(/^((?:[^.]*\.){4})[^.]*/, '$1!!')],
    ['a config with a different service set', cookieValue({ hash: idSetHash([...MINIMAL_IDS, 'top-mail-ru']) })],
  ])('%s', async (_, value) => {
    const { visitor, tab } = await visitWithCookie(value)
    const consent = await getConsent(tab)
    expect(consent.decided).toBe(false)
    expect(consent.id).toBeNull()
    expect(consent.categories).toEqual({ necessary: true, analytics: false, marketing: false })
    expect(await ran(tab)).toEqual([])
    expect(trackerRequests(visitor.log)).toEqual([])
    expect(tab.pageErrors).toEqual([])
    expect(widgetErrors(tab)).toEqual([])
  })
})

describe('an invalid config fails closed', () => {
  async function expectClosed(visitor: Visitor, tab: Tab) {
    await tab.page.evaluate(() => {
      window.Soglasie!.acceptAll()
      window.Soglasie!.accept({ analytics: true })
    })
    await settle(tab)
    await expectControlLoaded(visitor, tab)
    expect(trackerRequests(visitor.log)).toEqual([])
    expect(await ran(tab)).toEqual([])
    expect(await tab.page.evaluate(() => window.Soglasie!.isAllowed('analytics'))).toBe(false)
    expect((await getConsent(tab)).decided).toBe(false)
    expect(await consentCookie(visitor, env.server)).toBeUndefined()
    expect(tab.pageErrors).toEqual([])
  }

  test.each([
    [
      'a typo in a category reference',
      { ...MINIMAL_CONFIG, services: { ...MINIMAL_CONFIG.services, 'vk-ads': { category: 'marketng' } } },
      'services.vk-ads.category: "marketng" is not a category; known: necessary, analytics, marketing',
    ],
    [
      'an unknown key in a category',
      { ...MINIMAL_CONFIG, categories: { analytics: { titel: 'Аналитика' }, marketing: {} } },
      'categories.analytics.titel: unknown key',
    ],
    ['an unknown top-level key', { ...MINIMAL_CONFIG, titel: 'x' }, 'titel: unknown key'],
  ])('%s is reported with its path, and nothing runs even after acceptAll', async (_, config, message) => {
    const visitor = await env.visitor()
    const tab = await visitor.open(widgetPage({ config, body: GATED_BODY + gated('marketing-inline', 'marketing') }))
    const errors = widgetErrors(tab)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^\[soglasie\] invalid config, nothing optional will load:/)
    expect(errors[0]).toContain(message)
    await expectClosed(visitor, tab)
  })

  test('invalid JSON in #soglasie-config: a clear console error, no page error, nothing runs', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(widgetPage({ configRaw: '{"operator": {"name": "ООО"},, }', body: GATED_BODY }))
    expect(tab.consoleErrors.some((e) => e.startsWith('[soglasie] #soglasie-config is not valid JSON'))).toBe(true)
    expect(await tab.page.evaluate(() => typeof window.Soglasie)).toBe('object')
    await expectClosed(visitor, tab)
  })
})

describe('where the config comes from', () => {
  test('window.soglasieConfig', async () => {
    const visitor = await env.visitor()
    const head = `<script>window.soglasieConfig = ${JSON.stringify(MINIMAL_CONFIG)};</script>`
    const tab = await visitor.open(widgetPage({ config: null, head, body: GATED_BODY }))
    expect(widgetErrors(tab)).toEqual([])
    expect((await getConsent(tab)).services).toEqual({ 'yandex-metrica': false, 'vk-ads': false })

    await call(tab, 'acceptAll')
    await waitForMetricaHit(tab)
    expect(await ran(tab)).toEqual(['analytics-inline'])
    expect(tab.pageErrors).toEqual([])
  })

  test('a data-config URL on the script tag', async () => {
    const visitor = await env.visitor()
    const path = env.server.serve('/soglasie-config.json', { type: 'application/json', body: JSON.stringify(MINIMAL_CONFIG) })
    const tab = await visitor.open(widgetPage({ config: null, scriptAttrs: ` data-config="${path}"`, body: GATED_BODY }))
    expect(env.server.hits).toContain(path)
    expect(widgetErrors(tab)).toEqual([])
    expect((await getConsent(tab)).services).toEqual({ 'yandex-metrica': false, 'vk-ads': false })

    await call(tab, 'acceptAll')
    await waitForMetricaHit(tab)
    expect(await ran(tab)).toEqual(['analytics-inline'])
    expect(tab.pageErrors).toEqual([])
  })
})

describe('tabs', () => {
  test('a choice in one tab reaches another open tab within a second', async () => {
    const visitor = await env.visitor()
    const path = env.server.page(widgetPage({ body: GATED_BODY }))
    const a = await visitor.open(path)
    const b = await visitor.open(path)
    await settle(b, 200)
    expect(await ran(b)).toEqual([])

    await call(a, 'acceptAll')
    await b.page.waitForFunction(() => window.__events!.some((e) => e.type === 'soglasie:change'), null, { timeout: 1000 })
    const [inA, inB] = [await getConsent(a), await getConsent(b)]
    expect(inB).toMatchObject({ id: inA.id, decided: true, revision: inA.revision, categories: inA.categories, services: inA.services })
    const change = (await events(b)).filter((e) => e.type === 'soglasie:change')
    expect(change).toHaveLength(1)
    expect(change[0]!.detail).toEqual(inB)

    await waitForMetricaHit(b)
    expect(await ran(b)).toEqual(['analytics-inline'])
    expect(count(visitor, METRICA_TAG)).toBe(2) // one per tab
    expect([...a.pageErrors, ...b.pageErrors]).toEqual([])
  })

  // The cookie keeps whole seconds, so the deciding tab must too, or one consent reads two ways.
  test('a consent reads the same everywhere: the deciding tab, another tab, and after a reload', async () => {
    const visitor = await env.visitor()
    const path = env.server.page(widgetPage())
    const a = await visitor.open(path)
    const b = await visitor.open(path)
    // Decide at a known sub-second moment, so that a timestamp kept to the millisecond shows.
    await a.page.waitForFunction(() => Date.now() % 1000 >= 300 && Date.now() % 1000 < 700, null, { polling: 5 })
    await call(a, 'acceptAll')
    await b.page.waitForFunction(() => window.__events!.some((e) => e.type === 'soglasie:change'), null, { timeout: 1000 })
    const inA = await getConsent(a)
    expect(await getConsent(b)).toEqual(inA)
    await b.reload()
    expect(await getConsent(b)).toEqual(inA)
  })
})

describe('events and API', () => {
  test('soglasie:ready fires once at start; soglasie:change fires on changes only', async () => {
    const visitor = await env.visitor()
    // Nothing gated on the page: a refusal after a script ran would reload it (tested above).
    const tab = await visitor.open(widgetPage())
    await settle(tab, 200)
    expect((await events(tab)).map((e) => e.type)).toEqual(['soglasie:ready'])

    await tab.page.evaluate(() => {
      const calls: boolean[] = []
      ;(window as unknown as { calls: boolean[] }).calls = calls
      const off = window.Soglasie!.onChange((c) => calls.push(c.decided))
      window.Soglasie!.acceptAll()
      off()
      window.Soglasie!.rejectAll()
    })
    const after = await events(tab)
    expect(after.map((e) => e.type)).toEqual(['soglasie:ready', 'soglasie:change', 'soglasie:change'])
    expect(after[1]!.detail).toMatchObject({ decided: true, categories: { analytics: true } })
    expect(after[2]!.detail).toMatchObject({ decided: true, categories: { analytics: false } })
    expect(await tab.page.evaluate(() => (window as unknown as { calls: boolean[] }).calls)).toEqual([true])

    // A stored decision read at start is not a change.
    await tab.reload()
    await settle(tab, 200)
    expect((await events(tab)).map((e) => e.type)).toEqual(['soglasie:ready'])
  })

  // The widget reads the stored choice when <body> appears; a page script in <head> may ask sooner.
  test('the API answers from the stored choice in <head>, before <body> exists', async () => {
    const visitor = await env.visitor()
    const probe = `<script>window.__head = { consent: Soglasie.getConsent(), analytics: Soglasie.isAllowed('analytics'), body: !!document.body }</script>`
    const tab = await visitor.open(widgetPage().replace('</head>', `${probe}\n</head>`))
    const head = () => tab.page.evaluate(() => (window as unknown as { __head: { consent: { decided: boolean }; analytics: boolean; body: boolean } }).__head)
    expect(await head()).toMatchObject({ consent: { decided: false }, analytics: false, body: false })
    await call(tab, 'acceptAll')

    await tab.reload()
    expect(await head()).toMatchObject({ consent: { decided: true, categories: { analytics: true } }, analytics: true, body: false })
    // Started early, it still starts once, with the banner staying away.
    await settle(tab, 200)
    expect((await events(tab)).map((e) => e.type)).toEqual(['soglasie:ready'])
    expect(await tab.page.locator('[data-soglasie]').count()).toBe(1)
    expect(await widgetErrors(tab)).toEqual([])
  })

  // With auto-blocking off, nothing waits for <body>: a tracker tag in <head> runs in its place.
  test('autoBlock false: a tracker tag in <head> after the widget runs before <body> is parsed', async () => {
    const visitor = await env.visitor()
    const page = widgetPage({
      config: { ...MINIMAL_CONFIG, autoBlock: false },
      body: `<script>window.__atBody = window.__metricaLoaded ?? 0</script>`,
    }).replace('</head>', `<script src="${METRICA_TAG}"></script>\n</head>`)
    const tab = await visitor.open(page)
    expect(await tab.page.evaluate(() => (window as unknown as { __atBody: number }).__atBody)).toBe(1)
    // Control: with auto-blocking on, the same tag is held.
    const held = await visitor.open(page.replace('"autoBlock":false', '"autoBlock":true'))
    expect(await held.page.evaluate(() => (window as unknown as { __atBody: number }).__atBody)).toBe(0)
  })

  // A listener calling `Soglasie.…` must find the global set (embed.ts assigns it after init returns).
  test('window.Soglasie is already set when soglasie:ready fires', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(widgetPage())
    const [ready] = await events(tab)
    expect(ready?.type).toBe('soglasie:ready')
    expect(ready?.globalSet).toBe(true)
  })
})

describe('the script-tag build', () => {
  test('dist/soglasie.js is a classic script (parses without import/export)', async () => {
    const source = await readFile(join(DIST, 'soglasie.js'), 'utf8')
    expect(() => new Script(source, { filename: 'soglasie.js' })).not.toThrow()
    // Positive control: the same check rejects a module.
    expect(() => new Script('export const x = 1')).toThrow(SyntaxError)
  })

  test('loaded twice on one page, it initialises once', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(widgetPage({ body: GATED_BODY + '<script src="/dist/soglasie.js"></script>' }))
    await settle(tab, 200)
    expect(env.server.hits.filter((h) => h === '/dist/soglasie.js').length).toBeGreaterThanOrEqual(2)
    expect((await events(tab)).filter((e) => e.type === 'soglasie:ready')).toHaveLength(1)

    await call(tab, 'acceptAll')
    await waitForMetricaHit(tab)
    await settle(tab)
    expect(await ran(tab)).toEqual(['analytics-inline'])
    expect(await counter(tab, '__metricaLoaded')).toBe(1)
    expect((await events(tab)).filter((e) => e.type === 'soglasie:change')).toHaveLength(1)
    expect(tab.pageErrors).toEqual([])
    expect(widgetErrors(tab)).toEqual([])
  })
})

describe('nothing leaves the machine', () => {
  test('every outside request of every kind is answered by a stub, none reaches the network', async () => {
    const visitor = await env.visitor()
    const failed: string[] = []
    const responses: Response[] = []
    visitor.context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`))
    visitor.context.on('response', (r) => responses.push(r))
    const body = `
      ${plainScript(METRICA_TAG)}
      ${plainScript('https://vk.com/js/api/openapi.js')}
      <img src="https://top-fwz1.mail.ru/counter?id=1">
      <link rel="stylesheet" href="https://fonts.example.com/css/a.css">
      <iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X"></iframe>
      <script>
        fetch('https://api.example.org/ping', { method: 'POST', body: 'x', mode: 'no-cors' });
        navigator.sendBeacon('https://www.google-analytics.com/g/collect', 'x');
      </script>`
    const tab = await visitor.open(widgetPage({ config: { ...MINIMAL_CONFIG, autoBlock: false }, body }))
    await settle(tab, 800)

    const expected = [
      METRICA_TAG,
      'https://mc.yandex.ru/watch/1',
      'https://vk.com/js/api/openapi.js',
      'https://top-fwz1.mail.ru/counter?id=1',
      'https://fonts.example.com/css/a.css',
      'https://www.googletagmanager.com/ns.html?id=GTM-X',
      'https://api.example.org/ping',
      'https://www.google-analytics.com/g/collect',
    ]
    for (const url of expected) expect(urls(visitor).some((u) => u.startsWith(url)), url).toBe(true)
    expect(visitor.log.every((r) => !['127.0.0.1', 'localhost'].includes(r.host))).toBe(true)
    expect(visitor.unstubbed()).toEqual([])
    expect(failed).toEqual([])

    // Where each answer came from: a stub has no server address, the loopback server has 127.0.0.1.
    const origins = await Promise.all(
      responses.map(async (r) => ({ host: new URL(r.url()).hostname, ip: (await r.serverAddr())?.ipAddress ?? null })),
    )
    const outside = origins.filter((o) => o.host !== '127.0.0.1')
    expect(outside.length).toBeGreaterThanOrEqual(expected.length)
    expect(outside.filter((o) => o.ip !== null)).toEqual([])
    expect(origins.find((o) => o.host === '127.0.0.1')?.ip).toBe('127.0.0.1') // positive control
  })
})
