// The gating engine in Chromium: auto-blocking on a hostile Tilda page, release after consent, presets,
// withdrawal cleanup on a real registrable domain, late marked scripts, embed placeholders, a strict
// CSP, and the tag-manager signals. Every outside request is stubbed and logged (harness.ts); the fake
// trackers behave like the real tags (gating-helpers.ts). Every "nothing is sent" has a positive control
// that the same page, or the same log, does send when it should.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  CONTROL_SCRIPT,
  METRICA_TAG,
  MINIMAL_CONFIG,
  TOP_MAIL_CODE as TMR_CODE,
  gated,
  getConsent,
  plainScript,
  ran,
  settle,
  trackerRequests,
  useBrowserEnv,
  widgetPage,
  type Tab,
  type Visitor,
} from './harness'
import {
  DOMAIN_HOST,
  LATE_SCRIPT,
  PAST_TILDA_TIMERS,
  TILDA_METRICA_ID,
  TILDA_TMR_ID,
  TILDA_VK_PIXEL,
  VK_OPENAPI,
  realTrackers,
  tildaPage,
  tildaVkPixel,
  useDomainEnv,
} from './gating-helpers'
import { bannerRegion, button, openIn, startHeaderServer, type HeaderServer } from './ui-helpers'

const env = useBrowserEnv()
const domain = useDomainEnv()

// ---------------------------------------------------------------------------------------------------
// Reading the log and the page

const urls = (visitor: Visitor) => visitor.log.map((r) => r.url)
/** Requests whose URL starts with `prefix`. */
const requested = (visitor: Visitor, prefix: string) => urls(visitor).filter((u) => u.startsWith(prefix))
const trackers = (visitor: Visitor) => trackerRequests(visitor.log).map((r) => r.url)
const call = (tab: Tab, method: 'acceptAll' | 'rejectAll' | 'withdraw') =>
  tab.page.evaluate((m) => window.Soglasie![m](), method)

/** A fresh visitor with the realistic fake trackers, on `html`. */
async function visit(html: string): Promise<{ visitor: Visitor; tab: Tab }> {
  const visitor = realTrackers(await env.visitor())
  const tab = await visitor.open(html)
  return { visitor, tab }
}

/** Waits until a request starting with `prefix` is in the log. */
async function waitForRequest(visitor: Visitor, prefix: string, timeout = 6000): Promise<void> {
  const end = Date.now() + timeout
  while (!requested(visitor, prefix).length) {
    if (Date.now() > end) throw new Error(`no request to ${prefix} within ${timeout} ms; the log:\n  ${urls(visitor).join('\n  ')}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const loaded = (page: Page, name: '__metricaLoaded' | '__tmrLoaded' | '__vkLoaded', timeout = 6000) =>
  page.waitForFunction((key) => (window[key] ?? 0) > 0, name, { timeout })

/** The services file has run (it loads after the first consent that allows something, or a change). */
const servicesLoaded = (page: Page) => page.waitForFunction(() => window.__soglasieServices !== undefined, null, { timeout: 5000 })

/** Inserts a script the way vendors' snippets do (createElement, src, append): what auto-blocking holds. */
const insertScript = (url: string) =>
  `<script>(function(){var s=document.createElement('script');s.async=true;s.src=${JSON.stringify(url)};document.head.appendChild(s)})()</script>`

// ---------------------------------------------------------------------------------------------------

describe('a hostile Tilda page before any decision', () => {
  test("Tilda's counters send nothing past their 2-second timers; the same page without auto-blocking does (control)", async () => {
    const [guarded, control] = await Promise.all([
      visit(tildaPage(MINIMAL_CONFIG, plainScript(CONTROL_SCRIPT))),
      visit(tildaPage({ ...MINIMAL_CONFIG, autoBlock: false }, plainScript(CONTROL_SCRIPT))),
    ])
    await settle(guarded.tab, PAST_TILDA_TIMERS)

    expect(urls(guarded.visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    expect(trackers(guarded.visitor)).toEqual([])
    expect(guarded.tab.pageErrors).toEqual([])
    expect((await getConsent(guarded.tab)).decided).toBe(false)

    // Control: the very same snippets, not held, do reach the trackers.
    expect(requested(control.visitor, METRICA_TAG)).toHaveLength(1)
    expect(requested(control.visitor, VK_OPENAPI)).toHaveLength(1)
    expect(requested(control.visitor, TMR_CODE)).toHaveLength(1)
    expect(requested(control.visitor, `https://mc.yandex.ru/watch/${TILDA_METRICA_ID}?hit`)).toHaveLength(1)
    expect(control.tab.pageErrors).toEqual([])
  })
})

describe('deciding on the Tilda page', () => {
  test("accept all: each of Tilda's counters loads once and sends its init hit, the goals queued before consent are dropped", async () => {
    const { visitor, tab } = await visit(tildaPage(MINIMAL_CONFIG))
    await settle(tab, 300)
    expect(trackers(visitor)).toEqual([])

    await call(tab, 'acceptAll')
    await Promise.all([loaded(tab.page, '__metricaLoaded'), loaded(tab.page, '__vkLoaded'), loaded(tab.page, '__tmrLoaded')])
    await settle(tab, 1000)

    // Metrica: tag.js once, the init hit, and not the goal tilda-events queued before consent.
    expect(requested(visitor, METRICA_TAG)).toEqual([METRICA_TAG])
    expect(await tab.page.evaluate(() => window.__metricaLoaded)).toBe(1)
    expect(requested(visitor, `https://mc.yandex.ru/watch/${TILDA_METRICA_ID}?hit`)).toHaveLength(1)
    expect(requested(visitor, 'https://mc.yandex.ru/watch/').filter((u) => u.includes('goal='))).toEqual([])
    expect(await tab.page.evaluate(() => window.__ymCalls!.map(([, method]) => method))).toEqual(['init'])

    // The VK pixel: openapi.js once, the same element's onload ran Init and Hit.
    expect(requested(visitor, VK_OPENAPI)).toHaveLength(1)
    expect(requested(visitor, 'https://vk.com/rtrg')).toEqual([`https://vk.com/rtrg?p=${TILDA_VK_PIXEL}`])

    // The VK Ads pixel: code.js once, its page view, and not the queued goal.
    expect(requested(visitor, TMR_CODE)).toHaveLength(1)
    expect(requested(visitor, 'https://top-fwz1.mail.ru/counter')).toEqual([`https://top-fwz1.mail.ru/counter?id=${TILDA_TMR_ID};pv`])

    expect(tab.pageErrors).toEqual([])
  })

  test('accept analytics only: the counter Tilda marked analytics loads, those marked advertising wait for marketing', async () => {
    const { visitor, tab } = await visit(tildaPage(MINIMAL_CONFIG))
    await tab.page.evaluate(() => window.Soglasie!.accept({ analytics: true, marketing: false }))
    await loaded(tab.page, '__metricaLoaded')
    await settle(tab, 1000)
    expect(requested(visitor, METRICA_TAG)).toEqual([METRICA_TAG])
    expect(trackers(visitor).filter((u) => !u.startsWith('https://mc.yandex.ru/'))).toEqual([])

    // Marketing later: the held pixels are released on the same page, and Metrica does not load again.
    await tab.page.evaluate(() => window.Soglasie!.accept({ marketing: true }))
    await Promise.all([loaded(tab.page, '__vkLoaded'), loaded(tab.page, '__tmrLoaded')])
    await settle(tab, 300)
    expect(requested(visitor, VK_OPENAPI)).toHaveLength(1)
    expect(requested(visitor, TMR_CODE)).toHaveLength(1)
    expect(requested(visitor, METRICA_TAG)).toHaveLength(1)
    expect(tab.pageErrors).toEqual([])
  })

  test('reject all: nothing reaches a tracker, past the timers', async () => {
    const { visitor, tab } = await visit(tildaPage(MINIMAL_CONFIG, plainScript(CONTROL_SCRIPT)))
    await call(tab, 'rejectAll')
    await settle(tab, PAST_TILDA_TIMERS)

    expect(urls(visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    expect(trackers(visitor)).toEqual([])
    const consent = await getConsent(tab)
    expect(consent.decided).toBe(true)
    expect(consent.categories).toEqual({ necessary: true, analytics: false, marketing: false })
    expect(tab.pageErrors).toEqual([])
  })

  test("a configured Metrica preset and Tilda's snippet for the same counter: tag.js is requested once, the preset's", async () => {
    const config = {
      ...MINIMAL_CONFIG,
      services: {
        'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: TILDA_METRICA_ID } },
        'vk-ads': { category: 'marketing' },
      },
    }
    const { visitor, tab } = await visit(tildaPage(config))
    await call(tab, 'acceptAll')
    await loaded(tab.page, '__metricaLoaded')
    // Tilda's snippet has run by the time its VK pixel has loaded (same 2-second timer).
    await loaded(tab.page, '__vkLoaded')
    await settle(tab, 1000)

    expect(requested(visitor, METRICA_TAG)).toEqual([`${METRICA_TAG}?id=${TILDA_METRICA_ID}`])
    expect(await tab.page.evaluate(() => window.__metricaLoaded)).toBe(1)
    expect(requested(visitor, `https://mc.yandex.ru/watch/${TILDA_METRICA_ID}?hit`)).toHaveLength(1)
    // Both inits arrived (the preset's, then Tilda's own call): Tilda's snippet did run, only its tag.js was dropped.
    expect(await tab.page.evaluate(() => window.__ymCalls!.map(([id, method]) => `${id} ${method}`))).toEqual([
      `${TILDA_METRICA_ID} init`,
      `${TILDA_METRICA_ID} init`,
    ])
    expect(tab.pageErrors).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------

describe('auto-blocking: the ways page code puts a tracker on the page', () => {
  const FRAME = 'https://forms.yandex.ru/cloud/1?iframe=1'
  const script = (code: string) => `<script>(function(){${code}})()</script>`
  // The src setters, setAttribute and setAttributeNS, createContextualFragment, and HTML strings given to
  // document.write and innerHTML: every way is intercepted.
  type Way = { way: string; code: string; url: string }
  const WAYS: Way[] = [
    { way: 'script.src = url', url: METRICA_TAG, code: `var s=document.createElement('script'); s.async=true; s.src='${METRICA_TAG}'; document.head.appendChild(s)` },
    { way: 'script.setAttribute(src, url)', url: METRICA_TAG, code: `var s=document.createElement('script'); s.setAttribute('src','${METRICA_TAG}'); document.head.appendChild(s)` },
    { way: 'script.setAttribute(SRC, url)', url: METRICA_TAG, code: `var s=document.createElement('script'); s.setAttribute('SRC','${METRICA_TAG}'); document.head.appendChild(s)` },
    { way: 'src set after insertion', url: METRICA_TAG, code: `var s=document.createElement('script'); document.head.appendChild(s); s.src='${METRICA_TAG}'` },
    { way: 'iframe.src = url', url: FRAME, code: `var f=document.createElement('iframe'); f.src='${FRAME}'; document.body.appendChild(f)` },
    { way: 'iframe.setAttribute(src, url)', url: FRAME, code: `var f=document.createElement('iframe'); f.setAttribute('src','${FRAME}'); document.body.appendChild(f)` },
    { way: 'script.setAttributeNS(null, src, url)', url: METRICA_TAG, code: `var s=document.createElement('script'); s.setAttributeNS(null,'src','${METRICA_TAG}'); document.head.appendChild(s)` },
    { way: 'Range.createContextualFragment', url: METRICA_TAG, code: `document.body.appendChild(document.createRange().createContextualFragment('<scr'+'ipt src="${METRICA_TAG}"></scr'+'ipt>'))` },
    { way: 'document.write', url: METRICA_TAG, code: `document.write('<scr'+'ipt src="${METRICA_TAG}"></scr'+'ipt>')` },
    { way: 'an iframe by innerHTML', url: FRAME, code: `var d=document.createElement('div'); document.body.appendChild(d); d.innerHTML='<iframe src="${FRAME}"></iframe>'` },
  ]

  const nothingBeforeConsent = async ({ code, url }: Way) => {
    const body = script(code) + plainScript(CONTROL_SCRIPT)
    const [guarded, control] = await Promise.all([
      visit(widgetPage({ body })),
      visit(widgetPage({ config: { ...MINIMAL_CONFIG, autoBlock: false }, body })),
    ])
    await settle(guarded.tab, 700)
    expect(requested(control.visitor, url), 'control: this code does insert the tracker').toHaveLength(1)
    expect(urls(guarded.visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    expect(trackers(guarded.visitor)).toEqual([])
    expect(await guarded.tab.page.evaluate(() => window.__metricaLoaded ?? 0), 'the tracker did not run').toBe(0)
    expect(guarded.tab.pageErrors).toEqual([])
  }
  test.each(WAYS)('$way: nothing is requested before consent (control: it is without auto-blocking)', nothingBeforeConsent)

  // The HTML-string ways hold an element the page never gave a src: released, it still loads, once.
  test.each(WAYS.slice(-3))('$way: released once consent is given, and loaded once', async ({ code, url }) => {
    const { visitor, tab } = await visit(widgetPage({ body: script(code) }))
    await settle(tab, 300)
    expect(requested(visitor, url)).toEqual([])
    await call(tab, 'acceptAll')
    await expect.poll(() => requested(visitor, url).length, { timeout: 5000 }).toBe(1)
    await settle(tab, 500)
    expect(requested(visitor, url)).toHaveLength(1)
    if (url === METRICA_TAG) expect(await tab.page.evaluate(() => window.__metricaLoaded)).toBe(1)
    expect(tab.pageErrors).toEqual([])
  })

  test("a tracker's <script src> tag in the HTML after the widget never runs before consent, runs once after, and is not requested before", async () => {
    const { visitor, tab } = await visit(widgetPage({ body: `<p>Текст</p><script src="${METRICA_TAG}"></script>${plainScript(CONTROL_SCRIPT)}` }))
    await settle(tab, 700)
    expect(urls(visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    expect(await tab.page.evaluate(() => window.__metricaLoaded ?? 0), 'the tag did not run').toBe(0)
    expect(await tab.page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src^="https://mc.yandex.ru/"]')?.type)).toBe('text/plain')
    // Not asserted here: Chromium's preload scanner fetches <script src> ahead of the parser, before any
    // script can act (the known gap below).

    const before = requested(visitor, METRICA_TAG).length
    await call(tab, 'acceptAll') // no owner, no Tilda mark: released as marketing
    await loaded(tab.page, '__metricaLoaded')
    await settle(tab, 300)
    expect(await tab.page.evaluate(() => window.__metricaLoaded)).toBe(1)
    expect(requested(visitor, METRICA_TAG).length - before).toBeLessThanOrEqual(1)
    expect(tab.pageErrors).toEqual([])
  })

  // The parser takes a long page in several slices; the widget watches only the elements it has open.
  test('tracker tags deep in the blocks of a long page, several in one block and one in a table, never run before consent and run once after', async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `<div class="t-rec"><div class="t-container"><p>Блок ${i}</p></div></div>`).join('\n')
    const block = (html: string) => `<div class="t-rec"><div class="t123"><div class="t-container_100"><div class="t-width">${html}</div></div></div></div>`
    const body = [
      filler(2500),
      block(`<p>HTML-код</p><script src="${METRICA_TAG}"></script><script>window.__own = 1</script>${tildaVkPixel()}`),
      filler(2500),
      `<table><tbody><tr><td>${block(`<script src="${TMR_CODE}"></script>`)}</td></tr></tbody></table>`,
      plainScript(CONTROL_SCRIPT),
    ].join('\n')
    const { visitor, tab } = await visit(widgetPage({ body }))
    await settle(tab, 700)
    expect(urls(visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    const state = () =>
      tab.page.evaluate(() => ({
        own: (window as { __own?: number }).__own ?? 0,
        metrica: window.__metricaLoaded ?? 0,
        tmr: window.__tmrLoaded ?? 0,
        vk: window.__vkLoaded ?? 0,
        types: [...document.querySelectorAll<HTMLScriptElement>('script[src^="https://mc.yandex.ru/"], script[src^="https://top-fwz1.mail.ru/"], script[data-tilda-cookie-type]')].map((s) => s.type),
      }))
    expect(await state()).toEqual({ own: 1, metrica: 0, tmr: 0, vk: 0, types: ['text/plain', 'text/plain', 'text/plain'] })

    await call(tab, 'acceptAll')
    await loaded(tab.page, '__metricaLoaded')
    await loaded(tab.page, '__tmrLoaded')
    await loaded(tab.page, '__vkLoaded')
    await settle(tab, 300)
    expect(await state()).toMatchObject({ own: 1, metrica: 1, tmr: 1, vk: 1 })
    expect(tab.pageErrors).toEqual([])
  })

  // No script can stop the browser's preload scanner: such tags must be marked type="text/plain" data-src.
  test.fails("known gap: a tracker's <script src> tag in the HTML is requested (not run) before consent", async () => {
    const { visitor, tab } = await visit(widgetPage({ body: `<p>Текст</p><script src="${METRICA_TAG}"></script>${plainScript(CONTROL_SCRIPT)}` }))
    await settle(tab, 700)
    expect(urls(visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    expect(trackers(visitor)).toEqual([])
  })

  test('with the config element after the widget script (the README allows it), trackers inserted in between are held too', async () => {
    const config = `<script type="application/json" id="soglasie-config">${JSON.stringify(MINIMAL_CONFIG)}</script>`
    const { visitor, tab } = await visit(widgetPage({ config: null, body: insertScript(METRICA_TAG) + plainScript(CONTROL_SCRIPT) + config }))
    await settle(tab, 700)
    expect(urls(visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    expect((await getConsent(tab)).categories, 'the widget started with this config').toEqual({ necessary: true, analytics: false, marketing: false })
    expect(trackers(visitor)).toEqual([])
    expect(await tab.page.evaluate(() => window.__metricaLoaded ?? 0)).toBe(0)
  })
})

// ---------------------------------------------------------------------------------------------------

interface PresetRow {
  preset: string
  category: 'analytics' | 'marketing' | 'functional'
  options: Record<string, unknown>
  /** What the preset loads after consent. */
  script: string
  /** Where the preset's requests go: a host (and its subdomains) or a host with a path prefix. */
  hosts: string[]
}

const PRESETS: PresetRow[] = [
  { preset: 'yandex-metrica', category: 'analytics', options: { id: 12345678 }, script: `${METRICA_TAG}?id=12345678`, hosts: ['mc.yandex.ru', 'mc.yandex.com', 'mc.webvisor.org', 'mc.webvisor.com'] },
  { preset: 'vk-ads', category: 'marketing', options: { id: '3456789' }, script: TMR_CODE, hosts: ['top-fwz1.mail.ru'] },
  { preset: 'vk-retargeting', category: 'marketing', options: { id: 'VK-RTRG-123456-AbCdE' }, script: `${VK_OPENAPI}?169`, hosts: ['vk.com/js/api/', 'vk.com/rtrg'] },
  { preset: 'top-mail-ru', category: 'analytics', options: { id: 3456789 }, script: TMR_CODE, hosts: ['top-fwz1.mail.ru'] },
  { preset: 'mango-office', category: 'functional', options: { id: 12345, mode: 'calltracking' }, script: 'https://widgets.mango-office.ru/widgets/mango.js', hosts: ['widgets.mango-office.ru', 'dct.mango-office.ru'] },
  { preset: 'salebot', category: 'functional', options: { onlineChatId: 1234 }, script: 'https://salebot.pro/js/salebot.js', hosts: ['salebot.pro/js/'] },
  { preset: 'marquiz', category: 'functional', options: { id: '5f1a2b3c4d5e6f7a8b9c0d1e', region: 'ru' }, script: 'https://script.marquiz.ru/v2.js', hosts: ['script.marquiz.ru'] },
  { preset: 'bothelp', category: 'functional', options: { widget: { domain: 'https://bothelp.io', botName: 'shopbot', lang: 'ru' } }, script: 'https://bothelp.io/widget-folder/widget-page.js', hosts: ['bothelp.io/widget-folder/'] },
  { preset: 'amocrm', category: 'functional', options: { id: 123456, hash: 'a1b2c3d4e5', locale: 'ru' }, script: 'https://gso.amocrm.ru/js/button.js', hosts: ['gso.amocrm.ru'] },
  { preset: 'sendsay', category: 'marketing', options: { form: 'https://sendsay.ru/form/shop/1' }, script: 'https://image.sendsay.ru/app/js/forms/forms.min.js', hosts: ['image.sendsay.ru/app/js/forms/'] },
  { preset: 'yandex-forms', category: 'functional', options: {}, script: 'https://forms.yandex.ru/_static/embed.js', hosts: ['forms.yandex.ru'] },
  { preset: 'google-analytics', category: 'analytics', options: { id: 'G-TEST123' }, script: 'https://www.googletagmanager.com/gtag/js?id=G-TEST123', hosts: ['googletagmanager.com', 'google-analytics.com'] },
]

/** The page's own copy of the vendor's script, inserted by the vendor's snippet. */
const pageCopy = ({ script }: PresetRow) => insertScript(script)

function onHosts(url: string, hosts: readonly string[]): boolean {
  const { hostname, pathname } = new URL(url)
  return hosts.some((place) =>
    place.includes('/')
      ? (hostname + pathname).startsWith(place) || (hostname + pathname).includes('.' + place)
      : hostname === place || hostname.endsWith('.' + place),
  )
}

const withoutQuery = (url: string) => url.split('?')[0]!

describe('presets', () => {
  test('bad preset options: a console error names the option, and that service never loads', async () => {
    const config = {
      ...MINIMAL_CONFIG,
      services: { ...MINIMAL_CONFIG.services, 'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: '12a' } } },
    }
    const { visitor, tab } = await visit(widgetPage({ config, body: plainScript(CONTROL_SCRIPT) }))
    await call(tab, 'acceptAll')
    await settle(tab, 500)
    expect(urls(visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    expect(tab.consoleErrors.join('\n')).toContain('services.yandex-metrica.options.id: expected a positive whole number, got "12a"')
    expect(trackers(visitor)).toEqual([])
  })

  test.each(PRESETS)('$preset: its hosts get nothing before consent, its script loads once after', async (row) => {
    const config = {
      ...MINIMAL_CONFIG,
      categories: { analytics: {}, marketing: {}, functional: {} },
      services: { [row.preset]: { category: row.category, preset: row.preset, options: row.options } },
    }
    const { visitor, tab } = await visit(widgetPage({ config, body: pageCopy(row) + plainScript(CONTROL_SCRIPT) }))
    await settle(tab, 700)
    expect(urls(visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    expect(urls(visitor).filter((u) => onHosts(u, row.hosts))).toEqual([])
    expect(trackers(visitor)).toEqual([])

    await call(tab, 'acceptAll')
    await waitForRequest(visitor, row.script)
    await settle(tab, 500)
    // The preset's copy, and only once: the page's own copy was held and then dropped.
    expect(urls(visitor).filter((u) => withoutQuery(u) === withoutQuery(row.script))).toEqual([row.script])
    expect((await getConsent(tab)).services[row.preset]).toBe(true)
    expect(tab.pageErrors).toEqual([])
  })

  test("control: without auto-blocking, every page copy in the table loads before consent", async () => {
    const body = PRESETS.map(pageCopy).join('\n')
    const { visitor, tab } = await visit(widgetPage({ config: { ...MINIMAL_CONFIG, autoBlock: false }, body }))
    await settle(tab, 700)
    for (const row of PRESETS) expect(urls(visitor), row.preset).toContain(row.script)
  })
})

// ---------------------------------------------------------------------------------------------------

describe('withdrawal on a real registrable domain (www.shop.example.ru)', () => {
  const TRACKER_COOKIES = ['_ym_uid', '_ym_d', '_ym_isad', 'tmr_lvid']
  const config = {
    ...MINIMAL_CONFIG,
    services: {
      'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: 12345678 } },
      'vk-ads': { category: 'marketing', preset: 'vk-ads', options: { id: '3456789' } },
    },
  }
  // The site's own cookie and storage, which withdrawal must not touch.
  const SITE = `<script>document.cookie = 'site_cart=7; domain=.example.ru; path=/; max-age=3600'; localStorage.setItem('cart', '7'); sessionStorage.setItem('step', '2');</script>`

  const storageKeys = (page: Page) =>
    page.evaluate(() => ({ local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort() }))

  test('the trackers write cookies on the host and on .example.ru, withdraw() deletes them all, clears storage and reloads once', async () => {
    const visitor = realTrackers(await domain.visitor(env.server))
    const path = env.server.page(widgetPage({ config, head: SITE }))
    const tab = await openIn(visitor.context, domain.origin(env.server) + path)
    expect(new URL(tab.page.url()).hostname).toBe(DOMAIN_HOST)

    await call(tab, 'acceptAll')
    await Promise.all([loaded(tab.page, '__metricaLoaded'), loaded(tab.page, '__tmrLoaded')])
    await settle(tab, 300)

    // Positive control: the cookies are there, where the real tags put them.
    const before = await visitor.context.cookies()
    const where = (name: string) => before.filter((c) => c.name === name).map((c) => c.domain)
    expect(where('_ym_uid')).toEqual(['.example.ru'])
    expect(where('_ym_d')).toEqual(['.example.ru'])
    expect(where('_ym_isad')).toEqual([DOMAIN_HOST])
    expect(where('tmr_lvid')).toEqual(['.example.ru'])
    expect(await storageKeys(tab.page)).toEqual({
      local: ['_ym123_lsid', '_ym_uid', 'cart', 'zz'],
      session: ['_ym_debugger_state', 'step'],
    })
    expect(requested(visitor, 'https://mc.yandex.ru/watch/12345678?hit')).toHaveLength(1)

    const beforeReload = visitor.log.length
    let navigations = 0
    tab.page.on('framenavigated', (frame) => frame === tab.page.mainFrame() && navigations++)
    await Promise.all([tab.page.waitForEvent('load'), call(tab, 'withdraw')])
    await tab.page.waitForFunction(() => window.Soglasie !== undefined)
    await settle(tab, 1000)

    expect(navigations, 'one reload').toBe(1)
    const after = await visitor.context.cookies()
    expect(after.filter((c) => TRACKER_COOKIES.includes(c.name)).map((c) => `${c.name} on ${c.domain}`)).toEqual([])
    expect(after.filter((c) => c.name === 'site_cart').map((c) => c.domain), "the site's own cookie stays").toEqual(['.example.ru'])
    expect(await storageKeys(tab.page)).toEqual({ local: ['cart'], session: ['step'] })

    // After the reload: nothing reaches a tracker, and the visitor is told why the page reloaded.
    expect(trackerRequests(visitor.log.slice(beforeReload)).map((r) => r.url)).toEqual([])
    const note = tab.page.locator('[data-soglasie] [role="status"]')
    await note.waitFor({ state: 'visible', timeout: 2000 })
    expect(await note.textContent()).toContain('перезагружена')
    const consent = await getConsent(tab)
    expect(consent.decided).toBe(true)
    expect(consent.services).toEqual({ 'yandex-metrica': false, 'vk-ads': false })
    expect(tab.pageErrors).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------

describe('marked scripts that page code adds later', () => {
  /** What a single-page app does: appends a marked snippet at some point after start. */
  const append = (tab: Tab, name: string, consent: string, src?: string) =>
    tab.page.evaluate(
      ([name, consent, src]) => {
        const script = document.createElement('script')
        script.type = 'text/plain'
        script.dataset.consent = consent!
        if (src) script.dataset.src = src
        else script.text = `(window.__ran = window.__ran || []).push(${JSON.stringify(name)})`
        document.body.append(script)
      },
      [name, consent, src] as const,
    )

  // The parser takes a long page in several slices, and a returning visitor's services start during it.
  test("a returning visitor's snippets at the start, in the middle and at the end of a long page run once each, in order", async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `<div class="t-rec"><div class="t-container"><p>Блок ${i}</p></div></div>`).join('\n')
    const body = [gated('first', 'analytics'), filler(3000), gated('middle', 'analytics'), filler(3000), gated('last', 'analytics')].join('\n')
    const { tab } = await visit(widgetPage({ body }))
    await settle(tab, 300)
    expect(await ran(tab)).toEqual([])
    await call(tab, 'acceptAll')
    await settle(tab, 300)
    expect(await ran(tab)).toEqual(['first', 'middle', 'last'])

    await tab.reload()
    await settle(tab, 700)
    expect(await ran(tab)).toEqual(['first', 'middle', 'last'])
    expect(tab.pageErrors).toEqual([])
  })

  test('one added before consent runs when allowed, one added after runs at once, each exactly once; a refused one never', async () => {
    const { visitor, tab } = await visit(widgetPage({ body: '<main id="app"></main>' }))
    await append(tab, 'early', 'analytics')
    await append(tab, 'early-marketing', 'marketing')
    await settle(tab, 300)
    expect(await ran(tab)).toEqual([])

    await tab.page.evaluate(() => window.Soglasie!.accept({ analytics: true, marketing: false }))
    await settle(tab, 300)
    expect(await ran(tab)).toEqual(['early'])

    await append(tab, 'late', 'analytics')
    await append(tab, 'late-external', 'analytics', LATE_SCRIPT)
    await append(tab, 'late-marketing', 'marketing')
    await tab.page.waitForFunction(() => (window.__ran ?? []).includes('late-external'), null, { timeout: 3000 })
    // More DOM changes make the widget look again: nothing may run twice.
    await tab.page.evaluate(() => {
      for (let i = 0; i < 5; i++) document.getElementById('app')!.append(document.createElement('p'))
    })
    await settle(tab, 300)

    expect(await ran(tab)).toEqual(['early', 'late', 'late-external'])
    expect(requested(visitor, LATE_SCRIPT)).toHaveLength(1)
    expect(tab.pageErrors).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------

describe('embed placeholders', () => {
  const FORM = 'https://forms.yandex.ru/cloud/1?iframe=1'
  const IFRAME = `<iframe data-consent="functional" data-consent-service="yandex-forms" data-src="${FORM}" width="600" height="400"></iframe>`
  const configWithForms = (service: Record<string, unknown>) => ({
    ...MINIMAL_CONFIG,
    categories: { analytics: {}, marketing: {}, functional: {} },
    services: { ...MINIMAL_CONFIG.services, 'yandex-forms': { category: 'functional', preset: 'yandex-forms', ...service } },
  })
  const placeholder = (page: Page) => page.locator('[data-soglasie-placeholder]')

  test('a gated Yandex Forms iframe shows a placeholder; «Загрузить» allows that service only and loads the form', async () => {
    const config = configWithForms({ title: 'Форма заявки', processor: { name: 'ООО «Яндекс»', country: 'RU' } })
    const { visitor, tab } = await visit(widgetPage({ config, body: `<h1>Контакты</h1>${IFRAME}${gated('analytics-inline', 'analytics')}${plainScript(CONTROL_SCRIPT)}` }))
    const p = tab.page

    await placeholder(p).waitFor({ state: 'visible', timeout: 3000 })
    const text = await placeholder(p).locator('p').textContent()
    expect(text).toContain('Форма заявки')
    expect(text).toContain('ООО «Яндекс»')
    expect(await p.locator('iframe[data-consent]').isHidden()).toBe(true)
    await settle(tab, 500)
    expect(urls(visitor), 'the log works on this page').toContain(CONTROL_SCRIPT)
    expect(requested(visitor, 'https://forms.yandex.ru/')).toEqual([])

    await button(placeholder(p), 'Загрузить').click()
    await waitForRequest(visitor, FORM)
    await settle(tab, 300)

    const consent = await getConsent(tab)
    expect(consent.services['yandex-forms']).toBe(true)
    expect(consent.decided).toBe(false)
    expect(consent.categories.analytics).toBe(false)
    expect(consent.services['yandex-metrica']).toBe(false)
    expect(await ran(tab), 'analytics stays refused').toEqual([])
    await bannerRegion(p).waitFor({ state: 'visible' })
    expect(await placeholder(p).count()).toBe(0)
    expect(await p.locator('iframe[data-consent]').isVisible()).toBe(true)
    expect(await p.locator('iframe[data-consent]').getAttribute('src')).toBe(FORM)
    expect(requested(visitor, FORM)).toHaveLength(1)
    expect(trackers(visitor).filter((u) => !u.startsWith('https://forms.yandex.ru/'))).toEqual([])

    expect(tab.pageErrors).toEqual([])
  })

  // A single-page app renders late and deep: the widget looks at the whole tree once the page is parsed.
  test('an iframe a script adds deep in the page after the parse gets its placeholder and loads only from it', async () => {
    const { visitor, tab } = await visit(widgetPage({ config: configWithForms({ title: 'Форма заявки' }), body: '<main id="app"></main>' }))
    const p = tab.page
    await settle(tab, 300)
    await p.evaluate((src) => {
      const view = document.createElement('div')
      view.innerHTML = '<section class="page"><div class="form-wrap"></div></section>'
      document.getElementById('app')!.append(view)
      const frame = document.createElement('iframe')
      Object.assign(frame.dataset, { consent: 'functional', consentService: 'yandex-forms', src })
      view.querySelector('.form-wrap')!.append(frame)
    }, FORM)
    await placeholder(p).waitFor({ state: 'visible', timeout: 3000 })
    expect(requested(visitor, 'https://forms.yandex.ru/')).toEqual([])

    await button(placeholder(p), 'Загрузить').click()
    await waitForRequest(visitor, FORM)
    await settle(tab, 300)
    expect(requested(visitor, FORM)).toHaveLength(1)
    expect(tab.pageErrors).toEqual([])
  })

  test('a returning visitor who allowed the form: the iframe in the HTML loads on the next page view', async () => {
    const { visitor, tab } = await visit(widgetPage({ config: configWithForms({ title: 'Форма заявки' }), body: IFRAME }))
    const p = tab.page
    await call(tab, 'acceptAll')
    await waitForRequest(visitor, FORM)
    expect(requested(visitor, FORM)).toHaveLength(1)

    await tab.reload()
    await settle(tab, 1000)
    expect(await placeholder(p).count()).toBe(0)
    expect(await p.locator('iframe[data-consent]').getAttribute('src')).toBe(FORM)
    // The src attribute is there, but the frame must also have navigated to it.
    expect(p.frames().map((f) => f.url()), 'the frames of the page').toContain(FORM)
    expect(requested(visitor, FORM), 'the form is requested again').toHaveLength(2)
    expect(tab.pageErrors).toEqual([])
  })

  test("with the preset alone (no title or processor in the config) the placeholder names the preset's title and processor", async () => {
    const { tab } = await visit(widgetPage({ config: configWithForms({}), body: IFRAME }))
    await placeholder(tab.page).waitFor({ state: 'visible', timeout: 3000 })
    const text = await placeholder(tab.page).locator('p').textContent()
    // README's preset table: yandex-forms is «Яндекс Формы», processed by ООО «Яндекс».
    expect(text).toContain('Яндекс Формы')
    expect(text).toContain('ООО «Яндекс»')
  })
})

// ---------------------------------------------------------------------------------------------------

describe('strict CSP', () => {
  let server: HeaderServer
  beforeAll(async () => {
    server = await startHeaderServer()
  })
  afterAll(() => server?.close())

  const CSP = "script-src 'nonce-abc123' 'strict-dynamic'; style-src 'self'; object-src 'none'"

  test('after accept the Metrica preset loads under a nonce CSP: services file and tag.js carry the nonce, no violation', async () => {
    const config = {
      ...MINIMAL_CONFIG,
      services: { 'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: 12345678 } }, 'vk-ads': { category: 'marketing' } },
    }
    const html = widgetPage({ config, scriptAttrs: ' nonce="abc123"', body: gated('analytics-inline', 'analytics') })
    // The harness's probe script has no nonce: it would be a violation of its own.
    const page = html.replace(/<script>\nwindow\.__events[\s\S]*?<\/script>/, '')
    expect(page).not.toContain('window.__events')
    const path = server.page(page, { 'content-security-policy': CSP })

    const visitor = realTrackers(await env.visitor())
    await visitor.context.addInitScript(() => {
      window.__csp = []
      addEventListener('securitypolicyviolation', (e) => window.__csp!.push(`${e.violatedDirective} ${e.blockedURI}`), true)
    })
    const tab = await openIn(visitor.context, server.url + path)
    const p = tab.page

    await call(tab, 'acceptAll')
    await loaded(p, '__metricaLoaded')
    await settle(tab, 500)

    expect(server.hits).toContain('/dist/soglasie.services.js')
    const nonces = await p.evaluate(() => ({
      services: document.querySelector<HTMLScriptElement>('script[src$="soglasie.services.js"]')?.nonce,
      tag: document.querySelector<HTMLScriptElement>('script[src^="https://mc.yandex.ru/metrika/tag.js"]')?.nonce,
    }))
    expect(nonces).toEqual({ services: 'abc123', tag: 'abc123' })
    expect(requested(visitor, METRICA_TAG)).toEqual([`${METRICA_TAG}?id=12345678`])
    expect(requested(visitor, 'https://mc.yandex.ru/watch/12345678?hit')).toHaveLength(1)
    expect(await ran(tab), 'the marked inline snippet ran with the nonce').toEqual(['analytics-inline'])
    expect(await p.evaluate(() => window.__csp)).toEqual([])
    expect(tab.pageErrors).toEqual([])

    // Control: the listener does see a violation on this page.
    await p.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'p{}' })))
    await p.waitForFunction(() => (window.__csp?.length ?? 0) > 0, null, { timeout: 2000 })
  })
})

declare global {
  interface Window {
    __csp?: string[]
  }
}

// ---------------------------------------------------------------------------------------------------

describe('signals for tag managers', () => {
  const GA_CONFIG = {
    ...MINIMAL_CONFIG,
    services: {
      ga: { category: 'analytics', preset: 'google-analytics', options: { id: 'G-TEST123' } },
      'vk-ads': { category: 'marketing' },
    },
  }

  /** dataLayer as JSON: `arguments` objects (what gtag() queues) as { args: [...] }. */
  const dataLayer = (page: Page) =>
    page.evaluate(() =>
      (window.dataLayer ?? []).map((entry) =>
        Object.prototype.toString.call(entry) === '[object Arguments]'
          ? { args: JSON.parse(JSON.stringify(Array.from(entry as ArrayLike<unknown>))) as unknown[] }
          : (JSON.parse(JSON.stringify(entry)) as { event?: string; [key: string]: unknown }),
      ),
    )
  type Entry = Awaited<ReturnType<typeof dataLayer>>[number]
  const isCommand = (entry: Entry, ...head: string[]): entry is { args: unknown[] } =>
    'args' in entry && head.every((word, i) => (entry.args as unknown[])[i] === word)

  test('accept pushes soglasie_update, and Consent Mode gets default (denied) then update, as arguments objects', async () => {
    const { tab } = await visit(widgetPage({ config: GA_CONFIG }))
    expect(await dataLayer(tab.page)).toEqual([])

    await call(tab, 'acceptAll')
    await servicesLoaded(tab.page)
    await settle(tab, 300)
    let entries = await dataLayer(tab.page)

    const updates = entries.filter((e) => 'event' in e && e.event === 'soglasie_update')
    expect(updates).toEqual([
      {
        event: 'soglasie_update',
        soglasie: { categories: { necessary: true, analytics: true, marketing: true }, services: { ga: true, 'vk-ads': true } },
      },
    ])
    const defaults = entries.flatMap((e, i) => (isCommand(e, 'consent', 'default') ? [i] : []))
    const granted = entries.flatMap((e, i) => (isCommand(e, 'consent', 'update') ? [i] : []))
    expect(defaults).toHaveLength(1)
    expect(entries[defaults[0]!]).toEqual({
      args: ['consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', wait_for_update: 500 }],
    })
    expect(granted.length).toBeGreaterThan(0)
    expect(defaults[0]!).toBeLessThan(granted[0]!)
    expect(entries[granted[0]!]).toEqual({
      args: ['consent', 'update', { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }],
    })

    // Every change: refusing marketing (nothing of it ran, so no reload) pushes another pair.
    await tab.page.evaluate(() => window.Soglasie!.accept({ marketing: false }))
    await settle(tab, 300)
    entries = await dataLayer(tab.page)
    expect(entries.filter((e) => 'event' in e && e.event === 'soglasie_update')).toHaveLength(2)
    expect(entries.filter((e) => isCommand(e, 'consent', 'update')).at(-1)).toEqual({
      args: ['consent', 'update', { analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }],
    })
    expect(tab.pageErrors).toEqual([])
  })

  test("the page's own gtag snippet and the preset: gtag.js loads once and G-TEST123 is configured once", async () => {
    const GTAG = `${insertScript('https://www.googletagmanager.com/gtag/js?id=G-TEST123')}
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST123');</script>`
    const { visitor, tab } = await visit(widgetPage({ config: GA_CONFIG, body: GTAG }))
    await call(tab, 'acceptAll')
    await waitForRequest(visitor, 'https://www.googletagmanager.com/gtag/js')
    await settle(tab, 300)
    expect(requested(visitor, 'https://www.googletagmanager.com/gtag/js')).toHaveLength(1)
    // gtag.js sends a page_view for every `config` command it finds: two would count the visit twice.
    const configs = (await dataLayer(tab.page)).filter((e) => isCommand(e, 'config', 'G-TEST123'))
    expect(configs).toHaveLength(1)
  })

  test("the denied default comes before the page's own gtag commands that were queued before consent", async () => {
    // The gtag snippet as a site pastes it (its loader inserted from JS): held, its commands queue up.
    const GTAG = `${insertScript('https://www.googletagmanager.com/gtag/js?id=G-TEST123')}
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST123');</script>`
    const { visitor, tab } = await visit(widgetPage({ config: GA_CONFIG, body: GTAG }))
    await settle(tab, 300)
    expect(requested(visitor, 'https://www.googletagmanager.com/')).toEqual([])

    await tab.page.evaluate(() => window.Soglasie!.accept({ analytics: true, marketing: false }))
    await waitForRequest(visitor, 'https://www.googletagmanager.com/gtag/js')
    const entries = await dataLayer(tab.page)
    const firstDefault = entries.findIndex((e) => isCommand(e, 'consent', 'default'))
    const firstConfig = entries.findIndex((e) => isCommand(e, 'config'))
    expect(firstDefault).toBeGreaterThanOrEqual(0)
    // Google: the default must precede any command that sends data, or it does not apply to it.
    expect(firstDefault, JSON.stringify(entries.map((e) => ('args' in e ? (e.args as unknown[]).slice(0, 2).join(' ') : e.event)))).toBeLessThan(firstConfig)
  })
})

// ---------------------------------------------------------------------------------------------------

describe('"autoBlock": false', () => {
  test("Tilda's counter loads before any decision, once, as the page asked; marked scripts still wait", async () => {
    const { visitor, tab } = await visit(tildaPage({ ...MINIMAL_CONFIG, autoBlock: false }, gated('analytics-inline', 'analytics')))
    await loaded(tab.page, '__metricaLoaded')
    await settle(tab, 500)

    expect((await getConsent(tab)).decided).toBe(false)
    expect(requested(visitor, METRICA_TAG)).toEqual([METRICA_TAG])
    expect(requested(visitor, `https://mc.yandex.ru/watch/${TILDA_METRICA_ID}?hit`)).toHaveLength(1)
    // Nothing is held, so nothing is drained: the goal the page queued is sent too.
    expect(requested(visitor, `https://mc.yandex.ru/watch/${TILDA_METRICA_ID}?goal=lead`)).toHaveLength(1)
    expect(await ran(tab), 'marked snippets are gated regardless').toEqual([])

    await call(tab, 'acceptAll')
    await settle(tab, 500)
    expect(await ran(tab)).toEqual(['analytics-inline'])
    expect(requested(visitor, METRICA_TAG), 'accepting does not load it again').toHaveLength(1)
    expect(tab.pageErrors).toEqual([])
  })

  test("with nothing held, a refused Metrica preset's own opt-out flag is on, and off once allowed", async () => {
    const config = {
      ...MINIMAL_CONFIG,
      autoBlock: false,
      services: { ...MINIMAL_CONFIG.services, 'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: 12345678 } } },
    }
    const { visitor, tab } = await visit(widgetPage({ config }))
    await tab.page.waitForFunction(() => (window as unknown as Record<string, unknown>).disableYaCounter12345678 === true)
    expect(trackers(visitor)).toEqual([])

    await call(tab, 'acceptAll')
    await tab.page.waitForFunction(() => !('disableYaCounter12345678' in window))
    await settle(tab, 300)
    expect(requested(visitor, 'https://mc.yandex.ru/metrika/tag.js?id=12345678')).toHaveLength(1)
    expect(tab.pageErrors).toEqual([])
  })
})
