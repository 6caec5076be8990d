// Real-browser harness for the end-to-end tests: a loopback server for dist/ and test pages, Debian's
// Chromium driven by playwright-core, and a context in which nothing can leave the machine: every
// request to a host other than the loopback is answered by a stub (a fake tracker) and logged.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import { type Browser, type BrowserContext, type Page, type Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { isLoopback, launchChromium as launchOffline, routeOutside } from '../../scripts/offline.mjs'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The build under test; SOGLASIE_DIST points the tests at another build (e.g. a deliberately broken one). */
export const DIST = process.env.SOGLASIE_DIST ?? join(ROOT, 'dist')

// ---------------------------------------------------------------------------------------------------
// Loopback server: /dist/* from the repo, everything else from pages the tests register in memory.

export interface Served {
  body: string
  type?: string
  status?: number
}

export interface TestServer {
  /** e.g. http://127.0.0.1:40123 (no trailing slash) */
  readonly url: string
  /** Registers `html` at `path` (or at a fresh path when only the html is given); returns the path. */
  page(path: string, html: string): string
  page(html: string): string
  /** Registers any response at `path`. */
  serve(path: string, served: Served): string
  /** Paths the browser asked for, in order (query strings kept). */
  readonly hits: string[]
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Served>()
  // Each dist file is read once: a rebuild during a run does not swap the widget under a test file.
  const distFiles = new Map<string, Promise<string>>()
  const hits: string[] = []
  let counter = 0

  const send = (res: ServerResponse, { status = 200, type = TYPES['.html']!, body }: Served) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
    res.end(body)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    hits.push(url.pathname + url.search)
    const registered = routes.get(url.pathname)
    if (registered) return send(res, registered)
    if (url.pathname === '/favicon.ico') return send(res, { status: 204, body: '' })
    if (url.pathname.startsWith('/dist/')) {
      const file = normalize(join(DIST, decodeURIComponent(url.pathname.slice('/dist/'.length))))
      if (file.startsWith(DIST + sep)) {
        try {
          if (!distFiles.has(file)) distFiles.set(file, readFile(file, 'utf8'))
          const body = await distFiles.get(file)!
          return send(res, { body, type: TYPES[extname(file)] ?? 'application/octet-stream' })
        } catch {
          distFiles.delete(file) // missing: 404 now, but read it again next time
        }
      }
    }
    send(res, { status: 404, type: 'text/plain', body: 'not found' })
  }

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const serve = (path: string, served: Served) => (routes.set(path, served), path)
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    page: (pathOrHtml: string, html?: string) =>
      html === undefined
        ? serve(`/page-${++counter}.html`, { body: pathOrHtml })
        : serve(pathOrHtml, { body: html }),
    serve,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

// ---------------------------------------------------------------------------------------------------
// Chromium

/** `resolverRules` may map test hosts to the loopback; every other name must still fail to resolve. */
export const launchChromium = (resolverRules?: string): Promise<Browser> => launchOffline({ resolverRules })

// ---------------------------------------------------------------------------------------------------
// Stubs: what a fake tracker answers.

export interface StubReply {
  status?: number
  contentType?: string
  body?: string
  /** Milliseconds to wait before answering (to catch code that does not wait for a script). */
  delay?: number
}

/** A string matches the URL without its query (`https://mc.yandex.ru/watch/1`); a RegExp the whole URL. */
export type StubMatch = string | RegExp

interface Stub {
  match: StubMatch
  reply: StubReply
}

const js = (body: string): StubReply => ({ contentType: 'text/javascript; charset=utf-8', body })

export const METRICA_TAG = 'https://mc.yandex.ru/metrika/tag.js'
export const TOP_MAIL_CODE = 'https://top-fwz1.mail.ru/js/code.js'
/** A harmless third-party script (not a tracker): the positive control that the stubs and the log work. */
export const CONTROL_SCRIPT = 'https://cdn.example.net/control.js'

/** Behave like the real counters: define a global, count the loads, and fire a hit. */
export const DEFAULT_STUBS: readonly Stub[] = [
  {
    match: METRICA_TAG,
    reply: js(`window.__metricaLoaded = (window.__metricaLoaded || 0) + 1;
window.ym = window.ym || function () { (window.ym.a = window.ym.a || []).push([].slice.call(arguments)) };
new Image().src = 'https://mc.yandex.ru/watch/1?page-url=' + encodeURIComponent(location.href);`),
  },
  {
    match: TOP_MAIL_CODE,
    reply: js(`window.__topMailLoaded = (window.__topMailLoaded || 0) + 1;
window._tmr = window._tmr || [];
new Image().src = 'https://top-fwz1.mail.ru/counter?id=1;js=13;r=' + encodeURIComponent(location.href);`),
  },
  { match: CONTROL_SCRIPT, reply: js('window.__controlLoaded = (window.__controlLoaded || 0) + 1;') },
]

function matches(match: StubMatch, url: URL): boolean {
  return typeof match === 'string' ? url.origin + url.pathname === match : match.test(url.href)
}

function fallback(resourceType: string): StubReply {
  if (resourceType === 'script') return js('')
  if (resourceType === 'document') return { contentType: 'text/html', body: '' }
  return { status: 204 }
}

// ---------------------------------------------------------------------------------------------------
// Trackers

/** Hosts (and their subdomains) whose requests count as tracking. */
export const TRACKER_HOSTS = [
  'yandex.ru', 'yandex.com', 'yandex.net', 'mail.ru', 'vk.com', 'vk.ru', 'userapi.com',
  'googletagmanager.com', 'google-analytics.com', 'doubleclick.net', 'facebook.net', 'facebook.com',
  'mango-office.ru', 'salebot.pro', 'marquiz.ru', 'bothelp.io', 'amocrm.ru', 'sendsay.ru',
] as const

export interface LoggedRequest {
  url: string
  host: string
  /** ms since the epoch */
  time: number
  resourceType: string
}

export const isTracker = (host: string) => TRACKER_HOSTS.some((h) => host === h || host.endsWith('.' + h))
export const trackerRequests = (log: readonly LoggedRequest[]) => log.filter((r) => isTracker(r.host))
export { isLoopback }

// ---------------------------------------------------------------------------------------------------
// A visitor: one browser context (its own cookies), every outside request stubbed and logged.

export interface Tab {
  readonly page: Page
  /** Text of every console.error on this page (across reloads). */
  readonly consoleErrors: string[]
  /** Uncaught exceptions on this page. */
  readonly pageErrors: Error[]
  /** Reloads and waits for the widget again. */
  reload(): Promise<void>
}

export interface Visitor {
  readonly context: BrowserContext
  /** Every non-loopback request, each answered by a stub. */
  readonly log: LoggedRequest[]
  /** Registers a stub for this visitor; it wins over the defaults and earlier stubs. */
  stub(match: StubMatch, reply: StubReply): void
  /** Opens `path` (or registers `html` and opens it) in a new tab; waits for `window.Soglasie`. */
  open(pathOrHtml: string, options?: { waitForWidget?: boolean }): Promise<Tab>
  /** Outside (http/https, non-loopback) requests the browser made that no stub answered: must be []. */
  unstubbed(): string[]
}

export async function newVisitor(browser: Browser, server: TestServer): Promise<Visitor> {
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const log: LoggedRequest[] = []
  const stubs: Stub[] = [...DEFAULT_STUBS]
  const answered = new Set<Request>()
  const seen: Request[] = []

  context.on('request', (request) => seen.push(request))
  await routeOutside(context, (request, url) => {
    answered.add(request)
    log.push({ url: url.href, host: url.hostname, time: Date.now(), resourceType: request.resourceType() })
    const stub = [...stubs].reverse().find((s) => matches(s.match, url))
    return stub?.reply ?? fallback(request.resourceType())
  })

  const waitForWidget = async (page: Page, tab: Tab) => {
    try {
      await page.waitForFunction(() => window.Soglasie !== undefined, null, { timeout: 5000 })
    } catch (error) {
      const seen = [...tab.consoleErrors, ...tab.pageErrors.map(String)].join('\n  ')
      throw new Error(`window.Soglasie never appeared (is dist/ built?)\n  ${seen}`, { cause: error })
    }
  }

  return {
    context,
    log,
    stub: (match, reply) => void stubs.push({ match, reply }),
    unstubbed: () =>
      seen
        .filter((r) => /^https?:/.test(r.url()) && !isLoopback(new URL(r.url()).hostname) && !answered.has(r))
        .map((r) => r.url()),
    async open(pathOrHtml, { waitForWidget: wait = true } = {}) {
      const path = pathOrHtml.startsWith('/') ? pathOrHtml : server.page(pathOrHtml)
      const page = await context.newPage()
      const consoleErrors: string[] = []
      const pageErrors: Error[] = []
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()))
      page.on('pageerror', (error) => pageErrors.push(error))
      const tab: Tab = {
        page,
        consoleErrors,
        pageErrors,
        async reload() {
          await page.reload({ waitUntil: 'load' })
          if (wait) await waitForWidget(page, tab)
        },
      }
      await page.goto(server.url + path, { waitUntil: 'load' })
      if (wait) await waitForWidget(page, tab)
      return tab
    },
  }
}

// ---------------------------------------------------------------------------------------------------
// Per-file setup: one server and one Chromium per test file, a fresh visitor per test.

export interface BrowserEnv {
  readonly server: TestServer
  readonly browser: Browser
  /** A fresh context (no cookies); closed after the test, which fails if anything escaped the stubs. */
  visitor(): Promise<Visitor>
}

export function useBrowserEnv(): BrowserEnv {
  let server: TestServer | undefined
  let browser: Browser | undefined
  let visitors: Visitor[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchChromium()
  })
  afterEach(async () => {
    const current = visitors
    visitors = []
    const escaped = current.flatMap((v) => v.unstubbed())
    await Promise.all(current.map((v) => v.context.close()))
    if (escaped.length) throw new Error(`requests left the stubs (must never happen):\n  ${escaped.join('\n  ')}`)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll')
      return server
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll')
      return browser
    },
    async visitor() {
      const visitor = await newVisitor(this.browser, this.server)
      visitors.push(visitor)
      return visitor
    },
  }
}

// ---------------------------------------------------------------------------------------------------
// Pages

export const MINIMAL_CONFIG = {
  operator: { name: 'ООО «Тест»' },
  policy: { url: 'https://example.ru/privacy' },
  categories: { analytics: {}, marketing: {} },
  services: { 'yandex-metrica': { category: 'analytics' }, 'vk-ads': { category: 'marketing' } },
} as const

/** Records soglasie:ready / soglasie:change into `window.__events`; stands before the widget script. */
const PROBE = `<script>
window.__events = [];
['soglasie:ready', 'soglasie:change'].forEach(function (type) {
  addEventListener(type, function (event) {
    window.__events.push({ type: type, globalSet: window.Soglasie !== undefined, detail: type === 'soglasie:change' ? event.detail : null });
  });
});
</script>`

export interface WidgetPageOptions {
  /** Goes into #soglasie-config; default MINIMAL_CONFIG; null: no config element at all. */
  config?: unknown
  /** Raw text for #soglasie-config (wins over `config`), e.g. broken JSON. */
  configRaw?: string
  /** Extra HTML in <head>, before the widget script. */
  head?: string
  body?: string
  /** Extra attributes on the widget's script tag, e.g. ` data-config="/c.json"`. */
  scriptAttrs?: string
}

const inScript = (text: string) => text.replace(/<\//g, '<\\/')

export function widgetPage({ config = MINIMAL_CONFIG, configRaw, head = '', body = '', scriptAttrs = '' }: WidgetPageOptions = {}): string {
  const json = configRaw ?? (config === null ? undefined : JSON.stringify(config))
  const element = json === undefined ? '' : `<script type="application/json" id="soglasie-config">${inScript(json)}</script>`
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Soglasie test page</title>
${PROBE}
${element}
${head}
<script src="/dist/soglasie.js"${scriptAttrs}></script>
</head>
<body>
${body}
</body>
</html>`
}

/** An inline gated snippet that appends `name` to `window.__ran` when it runs. */
export function gated(name: string, consent: string, options: { service?: string } = {}): string {
  const service = options.service ? ` data-consent-service="${options.service}"` : ''
  return `<script type="text/plain" data-consent="${consent}"${service}>(window.__ran = window.__ran || []).push(${JSON.stringify(name)});</script>`
}

/** An external gated snippet (`data-src`). */
export function gatedSrc(src: string, consent: string, options: { service?: string } = {}): string {
  const service = options.service ? ` data-consent-service="${options.service}"` : ''
  return `<script type="text/plain" data-consent="${consent}"${service} data-src="${src}"></script>`
}

/** A plain third-party script: loads as soon as the page parses it. */
export const plainScript = (src: string) => `<script src="${src}"></script>`

// ---------------------------------------------------------------------------------------------------
// Reading the page

export interface ProbeEvent {
  type: 'soglasie:ready' | 'soglasie:change'
  /** Whether `window.Soglasie` was already set when the event fired. */
  globalSet: boolean
  detail: ConsentShape | null
}

export interface ConsentShape {
  id: string | null
  decided: boolean
  revision: number
  timestamp: string | null
  categories: Record<string, boolean>
  services: Record<string, boolean>
}

declare global {
  interface Window {
    __ran?: string[]
    __events?: ProbeEvent[]
    __metricaLoaded?: number
    __topMailLoaded?: number
    __controlLoaded?: number
  }
}

export const getConsent = (tab: Tab): Promise<ConsentShape> => tab.page.evaluate(() => window.Soglasie!.getConsent())
export const ran = (tab: Tab): Promise<string[]> => tab.page.evaluate(() => window.__ran ?? [])
export const events = (tab: Tab): Promise<ProbeEvent[]> => tab.page.evaluate(() => window.__events ?? [])
export const counter = (tab: Tab, name: '__metricaLoaded' | '__topMailLoaded' | '__controlLoaded') =>
  tab.page.evaluate((key) => window[key] ?? 0, name)

/** Lets timers, queued scripts and stubbed requests finish. */
export const settle = (tab: Tab, ms = 500) => tab.page.waitForTimeout(ms)

export async function consentCookie(visitor: Visitor, server: TestServer, name = 'soglasie') {
  return (await visitor.context.cookies(server.url)).find((c) => c.name === name)
}

/** Console errors the widget wrote (prefixed `[soglasie]`). */
export const widgetErrors = (tab: Tab) => tab.consoleErrors.filter((text) => text.startsWith('[soglasie]'))

// ---------------------------------------------------------------------------------------------------
// Consent cookie values, written here from the documented format (not with the widget's own code):
//   1.<d|p>.<uuid v4>.<revision>.<unix seconds, base 36>.<hash of every category and service id>.<allowed ids…>
// The hash is FNV-1a (32 bit, base 36) over the sorted ids joined with spaces.

export function idSetHash(ids: readonly string[]): string {
  const text = [...ids].sort().join(' ')
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}

/** necessary + every category and service id of MINIMAL_CONFIG */
export const MINIMAL_IDS = ['necessary', 'analytics', 'marketing', 'yandex-metrica', 'vk-ads'] as const

export interface CookieParts {
  version?: string
  state?: string
  id?: string
  revision?: number | string
  /** unix seconds */
  seconds?: number
  hash?: string
  allowed?: readonly string[]
}

export const SAMPLE_UUID = '3f2b8c1e-9d4a-4b6f-8e2d-1a2b3c4d5e6f'

export function cookieValue({
  version = '1',
  state = 'd',
  id = SAMPLE_UUID,
  revision = 1,
  seconds = Math.floor(Date.now() / 1000),
  hash = idSetHash(MINIMAL_IDS),
  allowed = ['analytics', 'yandex-metrica'],
}: CookieParts = {}): string {
  return [version, state, id, revision, seconds.toString(36), hash, ...allowed].join('.')
}

export const DAY = 86_400
