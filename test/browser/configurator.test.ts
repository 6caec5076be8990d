// The configurator (dist/configurator/) in Chromium: the marketer's path from the template to a snippet
// that works on a blank page, the round trip of a real config, keyboard only, axe, 1280 px and a tablet.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Download, Page, Request } from 'playwright-core'
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest'
import { validate } from '../../src/config/validate'
import { check } from '../../demo/configurator/problems'
import { exportJson } from '../../demo/configurator/draft'
import { DIST, ROOT, isLoopback, useBrowserEnv, type LoggedRequest, type Visitor } from './harness'
import { bannerElement, button, describeViolations, preferencesDialog, serious, switchStarting, type AxeViolation } from './ui-helpers'

const env = useBrowserEnv()
/** Each test walks a long page in a real browser; on a busy machine that takes a while. */
const LONG = 120_000
const PAGE = '/dist/configurator/index.html'
const DEMO_CONFIG = join(ROOT, 'demo/soglasie.config.json')

// ---------------------------------------------------------------------------------------------------
// The build: made here when missing or older than its sources, so the file can run on its own.

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

beforeAll(() => {
  const built = join(DIST, 'configurator/index.html')
  if (DIST !== join(ROOT, 'dist')) return // another build under test: take it as it is
  const sources = Math.max(newest(join(ROOT, 'demo/configurator')), newest(join(ROOT, 'src')), newest(join(DIST, 'soglasie.js')))
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--mode', 'configurator', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: '1' },
    stdio: 'pipe',
  })
}, 60_000)

// ---------------------------------------------------------------------------------------------------
// Helpers

interface Configurator {
  page: Page
  /** Outside requests that reached the network layer (each answered by a stub): the preview's must be none. */
  log: LoggedRequest[]
  /** Outside requests the preview's CSP refused before any connection was tried. */
  refused: string[]
}

/**
 * The configurator in a context of its own. As in the harness, every outside request that reaches the
 * network layer gets a stub, and the test fails if one got past; unlike there, a request Chromium
 * refused by CSP (the preview's trackers after «Принять все») is accounted for as refused: it never
 * left the renderer.
 */
async function openConfigurator(width = 1280, height = 900): Promise<Configurator> {
  const context = await env.browser.newContext({ serviceWorkers: 'block', viewport: { width, height } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url })
  const log: LoggedRequest[] = []
  const refused: string[] = []
  const seen: Request[] = []
  const settled = new Set<Request>()
  context.on('request', (request) => seen.push(request))
  context.on('requestfailed', (request) => {
    // Chromium's reason for a request it refused by CSP, in the renderer, before any connection.
    if (request.failure()?.errorText !== 'csp') return
    settled.add(request)
    refused.push(request.url())
  })
  await context.route('**/*', (route) => {
    const request = route.request()
    const url = new URL(request.url())
    if (isLoopback(url.hostname)) return route.continue()
    settled.add(request)
    log.push({ url: url.href, host: url.hostname, time: Date.now(), resourceType: request.resourceType() })
    return route.fulfill({ status: 204 }).catch(() => {})
  })
  onTestFinished(async () => {
    const escaped = seen.filter((r) => /^https?:/.test(r.url()) && !isLoopback(new URL(r.url()).hostname) && !settled.has(r))
    await context.close()
    if (escaped.length) throw new Error(`requests left the stubs (must never happen):\n  ${escaped.map((r) => r.url()).join('\n  ')}`)
  })
  const page = await context.newPage()
  await page.goto(env.server.url + PAGE)
  await page.getByRole('heading', { name: 'Конфигуратор Soglasie' }).waitFor()
  return { page, log, refused }
}

const field = (page: Page, path: string) => page.locator(`[id="f-${path}"]`)
const group = (page: Page, name: RegExp) => page.getByRole('group', { name })

/** The texts of what `aria-describedby` points at: how a screen reader hears the field's errors. */
const description = (page: Page, path: string) =>
  field(page, path).evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join('\n'),
  )

/** Waits until the preview frame runs a config containing `text` and its widget has started. */
async function previewRuns(page: Page, text: string, gone?: string): Promise<void> {
  await page.waitForFunction(([expected, absent]) => {
    const frame = document.querySelector<HTMLIFrameElement>('.preview iframe')
    const win = frame?.contentWindow as (Window & { Soglasie?: unknown }) | null
    const config = frame?.contentDocument?.getElementById('soglasie-config')?.textContent ?? ''
    return win?.Soglasie !== undefined && config.includes(expected!) && !(absent && config.includes(absent))
  }, [text, gone])
}

/** The banner's markup inside the preview frame's shadow root (a frame document, read from the page). */
const previewBanner = (page: Page) =>
  page.waitForFunction(() => {
    const frame = document.querySelector<HTMLIFrameElement>('.preview iframe')
    return frame?.contentDocument?.querySelector('[data-soglasie]')?.shadowRoot?.querySelector('section.banner')?.outerHTML
  }).then((handle) => handle.jsonValue() as Promise<string>)

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void]
  expect(download.suggestedFilename()).toBe('soglasie.config.json')
  return readFileSync((await download.path())!, 'utf8')
}

const blankPage = (snippet: string) => `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Пустая страница</title>
${snippet}
</head>
<body>
</body>
</html>`

const mango = (visitor: Visitor) => visitor.log.filter((request) => request.host.endsWith('mango-office.ru'))

// ---------------------------------------------------------------------------------------------------

describe('the marketer’s path', () => {
  test('template → marketing off → Mango Office → a bad id fixed from its inline error → export that works', async () => {
    const { page, log, refused } = await openConfigurator()
    await button(page, 'Начать с шаблона: Tilda, Метрика и VK Реклама').click()

    // What only the site owner knows, which the template leaves out.
    await field(page, 'operator.name').fill('ООО «Ромашка»')
    await field(page, 'policy.url').fill('https://example.ru/privacy')
    await field(page, 'services.yandex-metrica.options.id').fill('12345678')
    await field(page, 'services.vk-ads.options.id').fill('3456789')

    await group(page, /^Категория «Реклама»/).getByRole('checkbox', { name: 'Категория включена' }).uncheck()
    await expect.poll(() => group(page, /^Сервис «Пиксель VK Рекламы»/).textContent()).toContain('Категория сервиса выключена')

    await page.getByLabel('Что подключить').selectOption({ label: 'Mango Office' })
    await expect.poll(() => page.getByLabel('Категория', { exact: true }).last().inputValue()).toBe('analytics')
    await button(page, 'Добавить сервис «Mango Office»').click()
    const id = 'services.mango-office.options.id'
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`f-${id}`)

    // A deliberately bad id: the widget's own line, next to the field and in the summary.
    await page.keyboard.type('12a')
    const line = 'services.mango-office.options.id: expected a positive whole number, got "12a"'
    await expect.poll(() => description(page, id)).toContain(line)
    expect(await field(page, id).getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Ошибки в конфигурации: 1$/ }).count()).toBe(1)

    // The export warns instead of copying while the error is there.
    await button(page, 'Скопировать сниппет для Tilda').click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Сервисы с ошибками в настройках не загрузятся')

    // Guided by the summary: its link lands on the field.
    await page.getByRole('link', { name: line }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`f-${id}`)
    await field(page, id).fill('12345')
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Ошибок нет' }).count()).toBe(1)
    expect(await field(page, id).getAttribute('aria-invalid')).toBeNull()
    expect(await description(page, id)).not.toContain('expected')

    // The preview runs the same config; «Принять все» there loads no tracker (its CSP blocks them).
    // The preview redraws 300 ms after the last change: wait for the one with the corrected id.
    await previewRuns(page, '"mango-office"', '12a')
    const shown = await previewBanner(page)
    const frame = page.frameLocator('.preview iframe')
    await frame.getByRole('button', { name: 'Принять все', exact: true }).click()
    // The services file loads first: on a busy machine that takes more than the default second.
    await expect
      .poll(() => refused, { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['https://widgets.mango-office.ru/widgets/mango.js', 'https://mc.yandex.ru/metrika/tag.js?id=12345678']))
    expect(log).toEqual([])

    // Export: the snippet (for this server's widget), the file.
    await page.getByLabel('Адрес soglasie.js').fill(`${env.server.url}/dist/soglasie.js`)
    await button(page, 'Скопировать сниппет для Tilda').click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Сниппет скопирован' }).count()).toBe(1)
    const snippet = await page.evaluate(() => navigator.clipboard.readText())
    expect(snippet).toBe(await page.getByLabel(/^Сниппет для Tilda/).inputValue())
    expect(snippet).toMatch(/^<script type="application\/json" id="soglasie-config">.*<\/script>\n<script src="http:\/\/127\.0\.0\.1:\d+\/dist\/soglasie\.js"><\/script>$/)

    const file = await downloaded(page, () => button(page, 'Скачать soglasie.config.json').click())
    const config = JSON.parse(file)
    expect(validate(config)).toEqual([])
    expect(check(config)).toEqual([])
    expect(config.categories.marketing).toEqual({ enabled: false })
    expect(config.services['mango-office']).toEqual({ category: 'analytics', preset: 'mango-office', options: { id: 12345 } })
    expect(config.services['yandex-metrica'].options).toEqual({ id: 12345678 })
    // The snippet carries the very same config.
    expect(JSON.parse(/id="soglasie-config">(.*)<\/script>\n/.exec(snippet)![1]!)).toEqual(config)

    // The snippet on a blank page: the banner of the preview, no marketing, Mango only after consent.
    const site = await env.visitor()
    const tab = await site.open(blankPage(snippet))
    expect(await bannerElement(tab.page).evaluate((element) => element.outerHTML)).toBe(shown)
    expect(await bannerElement(tab.page).textContent()).not.toMatch(/реклам/i)
    await button(tab.page, 'Настроить').click()
    const dialog = preferencesDialog(tab.page)
    await dialog.waitFor()
    expect(await switchStarting(dialog, 'Аналитика').count()).toBe(1)
    expect(await switchStarting(dialog, 'Реклама').count()).toBe(0)
    expect(await switchStarting(dialog, 'Пиксель VK Рекламы').count()).toBe(0)
    expect(await switchStarting(dialog, 'Mango Office').count()).toBe(1)
    await tab.page.waitForTimeout(500)
    expect(mango(site)).toEqual([])
    await button(dialog, 'Принять все').click()
    await expect.poll(() => mango(site).map((request) => request.url)).toContain('https://widgets.mango-office.ru/widgets/mango.js')
    expect(site.log.some((request) => request.host === 'top-fwz1.mail.ru')).toBe(false)
  }, LONG)
})

describe('round trip', () => {
  test('a real config loaded from its file comes back byte for byte, and again after a second trip', async () => {
    const source = readFileSync(DEMO_CONFIG, 'utf8')
    const { page } = await openConfigurator()
    await page.getByLabel('Загрузить soglasie.config.json').setInputFiles(DEMO_CONFIG)
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Загружено: soglasie.config.json' }).count()).toBe(1)
    expect(await field(page, 'operator.name').inputValue()).toBe(JSON.parse(source).operator.name)

    const first = await downloaded(page, async () => {
      await button(page, 'Скачать soglasie.config.json').click()
      // The demo config has no problems to warn about; if it ever has, the export still goes through.
      const anyway = button(page, 'Всё равно скачать файл')
      if (await anyway.isVisible()) await anyway.click()
    })
    // Byte-identical to the file in the documented format (two-space JSON, LF, final newline), which is
    // the format the demo config is written in; the same data in any case.
    expect(first).toBe(exportJson(JSON.parse(source)))
    expect(JSON.parse(first)).toEqual(JSON.parse(source))
    if (source === exportJson(JSON.parse(source))) expect(first).toBe(source)

    await page.getByLabel('Или вставьте JSON').fill(JSON.stringify(JSON.parse(first)))
    await button(page, 'Загрузить вставленный JSON').click()
    const second = await downloaded(page, async () => {
      await button(page, 'Скачать soglasie.config.json').click()
      const anyway = button(page, 'Всё равно скачать файл')
      if (await anyway.isVisible()) await anyway.click()
    })
    expect(second).toBe(first)
  }, LONG)

  test('a reload or a closed tab keeps the draft; the template starts over', async () => {
    const { page } = await openConfigurator()
    await field(page, 'operator.name').fill('ООО «Ромашка»')
    await group(page, /^Категория «Реклама»/).getByRole('checkbox', { name: 'Категория включена' }).uncheck()
    await page.reload()
    await page.getByRole('heading', { name: 'Конфигуратор Soglasie' }).waitFor()
    expect(await field(page, 'operator.name').inputValue()).toBe('ООО «Ромашка»')
    expect(await group(page, /^Категория «Реклама»/).getByRole('checkbox', { name: 'Категория включена' }).isChecked()).toBe(false)
    expect(await page.getByRole('status').filter({ hasText: 'Продолжаем черновик, сохранённый в этом браузере' }).count()).toBe(1)
    await previewRuns(page, 'ООО «Ромашка»')

    // Another tab of the same browser, after this one is closed.
    const other = await page.context().newPage()
    await page.close()
    await other.goto(env.server.url + PAGE)
    await other.getByRole('heading', { name: 'Конфигуратор Soglasie' }).waitFor()
    expect(await field(other, 'operator.name').inputValue()).toBe('ООО «Ромашка»')

    await button(other, 'Начать с шаблона: Tilda, Метрика и VK Реклама').click()
    expect(await field(other, 'operator.name').inputValue()).toBe('')
    await other.reload()
    await other.getByRole('heading', { name: 'Конфигуратор Soglasie' }).waitFor()
    expect(await field(other, 'operator.name').inputValue()).toBe('')
    expect(await group(other, /^Категория «Реклама»/).getByRole('checkbox', { name: 'Категория включена' }).isChecked()).toBe(true)
  }, LONG)

  test('keys the form does not know, their order and unset defaults survive an edit', async () => {
    const { page } = await openConfigurator()
    const config = {
      $schema: './node_modules/soglasie/schema.json',
      policy: { url: 'https://example.ru/privacy' },
      operator: { email: 'a@example.ru', name: 'ООО «Тест»' },
      services: { 'vk-ads': { category: 'marketing', preset: 'vk-ads', options: { id: '3456789' } } },
      categories: { marketing: { enabled: true } },
    }
    await page.getByLabel('Или вставьте JSON').fill(JSON.stringify(config))
    await button(page, 'Загрузить вставленный JSON').click()
    await field(page, 'operator.name').fill('ООО «Тест 2»')
    // Off and on again: the file said `"enabled": true`, so it says so again.
    const enabled = group(page, /^Категория «Реклама»/).getByRole('checkbox', { name: 'Категория включена' })
    await enabled.uncheck()
    await enabled.check()
    // A loaded string id stays a string when edited.
    await field(page, 'services.vk-ads.options.id').fill('3456780')
    const exported = JSON.parse(await page.getByLabel('soglasie.config.json', { exact: true }).inputValue())
    expect(Object.keys(exported)).toEqual(Object.keys(config))
    expect(exported).toEqual({
      ...config,
      operator: { email: 'a@example.ru', name: 'ООО «Тест 2»' },
      services: { 'vk-ads': { category: 'marketing', preset: 'vk-ads', options: { id: '3456780' } } },
    })
  }, LONG)
})

// ---------------------------------------------------------------------------------------------------
// Keyboard, axe, layout

interface Focus {
  id: string
  tag: string
  text: string
  outline: string
}

const focusOf = (page: Page) =>
  page.evaluate((): Focus | null => {
    const element = document.activeElement as HTMLElement | null
    if (!element || element === document.body) return null
    const style = getComputedStyle(element)
    return {
      id: element.id,
      tag: element.tagName.toLowerCase(),
      text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    }
  })

/** Presses `key` until `done(focus)`; every stop on the way must show its focus. */
async function press(page: Page, done: (focus: Focus | null) => boolean, key = 'Tab', max = 150): Promise<Focus[]> {
  const seen: Focus[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    const focus = await focusOf(page)
    if (focus) {
      seen.push(focus)
      // The frame's own controls draw their focus inside it; everything else here must show a ring.
      if (focus.tag !== 'iframe') expect(focus.outline, `${focus.tag}#${focus.id} «${focus.text}»`).toMatch(/^(solid|auto) [2-9]/)
    }
    if (done(focus)) return seen
  }
  throw new Error(`focus never got there; it visited: ${seen.map((f) => f.id || f.text).join(' → ')}`)
}

describe('keyboard only', () => {
  test('from the template to a copied snippet, the preview’s dialog and back out, with focus always visible', async () => {
    const { page } = await openConfigurator()
    await press(page, (f) => f?.text === 'Начать с шаблона: Tilda, Метрика и VK Реклама')
    await page.keyboard.press('Enter')

    // Back up to the summary, follow its first link, type the name.
    await press(page, (f) => f?.text === 'operator.name: required', 'Shift+Tab')
    await page.keyboard.press('Enter')
    expect((await focusOf(page))?.id).toBe('f-operator.name')
    await page.keyboard.type('ООО «Ромашка»')

    await press(page, (f) => f?.id === 'f-policy.url')
    await page.keyboard.type('https://example.ru/privacy')
    await press(page, (f) => f?.id === 'f-categories.marketing.enabled')
    await page.keyboard.press('Space')
    await press(page, (f) => f?.id === 'f-services.yandex-metrica.options.id')
    await page.keyboard.type('12345678')
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Ошибок нет' }).count()).toBe(1)

    await press(page, (f) => f?.text === 'Скопировать сниппет для Tilda')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('"marketing":{"enabled":false}')

    // The preview: its dialog opens from the toolbar, Escape closes it, and Tab leaves the frame.
    await previewRuns(page, '"marketing":{"enabled":false}')
    await press(page, (f) => f?.text === 'Открыть настройки')
    await page.keyboard.press('Enter')
    const frame = page.frameLocator('.preview iframe')
    await frame.getByRole('dialog', { name: 'Настройки cookie' }).waitFor()
    await page.keyboard.press('Escape')
    await frame.getByRole('dialog').waitFor({ state: 'detached' })
    // No trap: Tab goes on through the frame and comes round to the start of the page.
    await press(page, (f) => f?.text === 'К предпросмотру')
  }, LONG)
})

const require = createRequire(import.meta.url)

/** axe over the configurator page itself; the widget inside the frame has its own axe tests (ui.test.ts). */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') })
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe.run
    const { violations } = await run(document, { resultTypes: ['violations'], iframes: false })
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }))
  })
}

describe.each([
  { width: 1280, height: 900, columns: 2 },
  { width: 768, height: 1024, columns: 1 },
])('at $width px', ({ width, height, columns }) => {
  test('axe finds nothing serious, errors shown included; the layout fits', async () => {
    const { page } = await openConfigurator(width, height)
    await button(page, 'Начать с шаблона: Tilda, Метрика и VK Реклама').click()
    await field(page, 'services.vk-ads.options.id').fill('abc')
    await button(page, 'Скопировать сниппет для Tilda').click()
    await page.getByRole('alert').waitFor()
    const violations = serious(await axe(page))
    expect(violations, describeViolations(violations)).toEqual([])

    await page.evaluate(() => scrollTo(0, 0))
    const form = (await page.locator('main').boundingBox())!
    const preview = (await page.locator('.preview').boundingBox())!
    if (columns === 2) {
      expect(preview.x).toBeGreaterThanOrEqual(form.x + form.width)
      expect(preview.y).toBeLessThan(form.y + 50)
    } else {
      expect(preview.y).toBeGreaterThanOrEqual(form.y + form.height)
      expect(Math.abs(preview.width - form.width)).toBeLessThan(2)
    }
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
  }, LONG)
})
