// Helpers for the visitor-interface tests (ui.test.ts): reading the widget's shadow root, focus, axe,
// screenshots, and what harness.ts does not do: pages served with response headers (CSP) and browser
// contexts with options (a locale). Additive only: harness.ts stays as it is.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core'
import { onTestFinished } from 'vitest'
import { DIST, ROOT, isLoopback, type Tab } from './harness'

// ---------------------------------------------------------------------------------------------------
// Config

/** The example config of the brief: three optional categories, a US processor, an inline policy. */
export const FULL_CONFIG = {
  operator: { name: 'ООО «МЕДИАСФЕРА СОФТ»' },
  policy: {
    url: 'https://example.ru/privacy',
    markdown: '# Политика\n\nТекст **жирный**.\n\n- пункт\n\n| Обработчик | Страна |\n|---|---|\n| ООО «Яндекс» | RU |',
  },
  consentDocument: { url: 'https://example.ru/consent' },
  categories: { analytics: {}, marketing: {}, functional: { title: 'Чаты' } },
  services: {
    'yandex-metrica': {
      category: 'analytics',
      title: 'Яндекс Метрика',
      processor: { name: 'ООО «Яндекс»', country: 'RU', purpose: 'статистика', policyUrl: 'https://yandex.ru/legal/confidential/' },
      cookies: ['_ym_*'],
    },
    'vk-ads': { category: 'marketing', processor: { name: 'ООО «ВК»', country: 'RU' } },
    ga: { category: 'analytics', title: 'Google Analytics', processor: { name: 'Google LLC', country: 'US' } },
  },
}

export type Config = typeof FULL_CONFIG

/** FULL_CONFIG with some top-level keys replaced (a deep copy: tests may change it). */
export function configWith(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...JSON.parse(JSON.stringify(FULL_CONFIG)), ...patch }
}

/** Sets (or, with null, removes) the `lang` of a page made by widgetPage(). */
export const withLang = (html: string, lang: string | null) =>
  html.replace('<html lang="ru">', lang === null ? '<html>' : `<html lang="${lang}">`)

// ---------------------------------------------------------------------------------------------------
// Locators: Playwright's role and CSS locators pierce open shadow roots.

export const widget = (page: Page) => page.locator('[data-soglasie]')
/** The banner, found the way assistive technology finds it: a region named by its heading. */
export const bannerRegion = (page: Page, name = 'Мы используем cookie') => page.getByRole('region', { name })
/** The banner by its markup, for pages whose texts are overridden. */
export const bannerElement = (page: Page) => page.locator('[data-soglasie] section.banner')
export const openDialog = (page: Page) => page.locator('[data-soglasie] dialog[open]')
export const preferencesDialog = (page: Page, name = 'Настройки cookie') => page.getByRole('dialog', { name })
export const policyDialog = (page: Page, name = 'Политика обработки персональных данных') => page.getByRole('dialog', { name })
export const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true })
export const switchNamed = (scope: Page | Locator, name: string) => scope.getByRole('switch', { name, exact: true })
/** A switch whose name starts with `name` (a category's label also holds a note such as «Всегда включены»). */
export const switchStarting = (scope: Page | Locator, name: string) =>
  scope.getByRole('switch', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })

// ---------------------------------------------------------------------------------------------------
// Focus

export interface Focused {
  tag: string
  /** aria-label, else the text, else the name attribute */
  label: string
  role: string | null
  name: string | null
  /** Inside an open <dialog> of the widget. */
  inDialog: boolean
  /** Inside the widget's shadow root. */
  inWidget: boolean
}

/** The focused element, looking through shadow roots. */
export function deepActive(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
    if (!element || element === document.body) return null
    const root = element.getRootNode()
    return {
      tag: element.tagName.toLowerCase(),
      label: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim() || (element.getAttribute('name') ?? ''),
      role: element.getAttribute('role'),
      name: element.getAttribute('name'),
      inDialog: element.closest('dialog[open]') !== null,
      inWidget: root instanceof ShadowRoot && (root.host as HTMLElement).hasAttribute('data-soglasie'),
    }
  })
}

/** Presses Tab until `done(focused)` holds; returns every focus seen on the way (fails after `max`). */
export async function tabUntil(page: Page, done: (focused: Focused | null) => boolean, max = 25, key = 'Tab') {
  const seen: (Focused | null)[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    const focused = await deepActive(page)
    seen.push(focused)
    if (done(focused)) return seen
  }
  throw new Error(`focus never got there after ${max} × ${key}; it visited: ${seen.map((f) => f?.label ?? '(none)').join(' → ')}`)
}

// ---------------------------------------------------------------------------------------------------
// Reading styles and geometry

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox()
  if (!box) throw new Error(`no box (not visible?): ${locator}`)
  return box
}

export const styleOf = (locator: Locator, property: string) =>
  locator.evaluate((element, p) => getComputedStyle(element).getPropertyValue(p), property)

/** Relative luminance (0 black … 1 white) of a computed `rgb()`/`rgba()` colour. */
export function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  if (r === undefined || g === undefined || b === undefined) throw new Error(`not a colour: ${color}`)
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Elements of `selector` inside the widget's shadow root. */
export const shadowCount = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector('[data-soglasie]')?.shadowRoot?.querySelectorAll(s).length ?? -1, selector)

/** Text of the widget's shadow root, dialogs included. */
export const shadowText = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-soglasie]')?.shadowRoot?.textContent ?? '')

// ---------------------------------------------------------------------------------------------------
// Screenshots into test-results/ (gitignored), for a person to look at.

export const RESULTS = join(ROOT, 'test-results')

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS, { recursive: true })
  const path = join(RESULTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}

// ---------------------------------------------------------------------------------------------------
// axe-core

const require = createRequire(import.meta.url)
let axeSource: Promise<string> | undefined

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; html: string; failureSummary?: string }[]
}

/** Injects axe-core (once per document) and runs it over the whole document, open shadow roots included. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  const injected = await page.evaluate(() => 'axe' in window)
  if (!injected) await page.addScriptTag({ content: await axeSource })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }))
  })
}

export const serious = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')

export const describeViolations = (violations: AxeViolation[]) =>
  violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html}\n      ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n')

// ---------------------------------------------------------------------------------------------------
// Opening a URL in any context, with the same capture as the harness's Tab.

export async function openIn(context: BrowserContext, url: string, { waitForWidget = true } = {}): Promise<Tab> {
  const page = await context.newPage()
  const consoleErrors: string[] = []
  const pageErrors: Error[] = []
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()))
  page.on('pageerror', (error) => pageErrors.push(error))
  const wait = () => page.waitForFunction(() => window.Soglasie !== undefined, null, { timeout: 5000 })
  await page.goto(url, { waitUntil: 'load' })
  if (waitForWidget) await wait()
  return {
    page,
    consoleErrors,
    pageErrors,
    async reload() {
      await page.reload({ waitUntil: 'load' })
      if (waitForWidget) await wait()
    },
  }
}

/**
 * A browser context with options the harness does not take (e.g. a locale). As in the harness, no request
 * leaves the machine: every non-loopback request gets an empty answer; it is closed when the test ends.
 */
export async function contextWith(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options })
  await context.route('**/*', (route) => {
    const request = route.request()
    if (isLoopback(new URL(request.url()).hostname)) return route.continue()
    const type = request.resourceType()
    return route
      .fulfill(type === 'script' ? { contentType: 'text/javascript', body: '' } : type === 'document' ? { contentType: 'text/html', body: '' } : { status: 204 })
      .catch(() => {})
  })
  onTestFinished(() => context.close())
  return context
}

// ---------------------------------------------------------------------------------------------------
// A loopback server whose pages carry response headers (harness.ts serves no headers), plus /dist/.

export interface HeaderServer {
  readonly url: string
  /** Registers `html` served with `headers`; returns the path. */
  page(html: string, headers?: Record<string, string>): string
  readonly hits: string[]
  close(): Promise<void>
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8' }

export async function startHeaderServer(): Promise<HeaderServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>()
  const hits: string[] = []
  let counter = 0
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    hits.push(url.pathname + url.search)
    const page = pages.get(url.pathname)
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers })
      return res.end(page.html)
    }
    if (url.pathname.startsWith('/dist/')) {
      const file = normalize(join(DIST, decodeURIComponent(url.pathname.slice('/dist/'.length))))
      if (file.startsWith(DIST + sep)) {
        try {
          const body = await readFile(file)
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
          return res.end(body)
        } catch {
          // 404 below
        }
      }
    }
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404, { 'content-type': 'text/plain' })
    res.end()
  }
  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    page(html, headers = {}) {
      const path = `/csp-${++counter}.html`
      pages.set(path, { html, headers })
      return path
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
