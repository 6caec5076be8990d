// The README's pictures: the banner and both dialogs with the demo's config, light, dark and on a
// phone, taken in Chromium on every run so they always show the widget as it is.
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, useBrowserEnv, widgetPage } from './harness'
import { bannerElement, button, contextWith, openIn, policyDialog, preferencesDialog } from './ui-helpers'

const env = useBrowserEnv()
const OUT = join(ROOT, 'docs/screenshots')

let config: Record<string, unknown>

beforeAll(async () => {
  await mkdir(OUT, { recursive: true })
  config = JSON.parse(await readFile(join(ROOT, 'demo/soglasie.config.json'), 'utf8'))
  ;(config.policy as Record<string, unknown>).markdown = await readFile(join(ROOT, 'demo/policy.ru.md'), 'utf8')
  delete config.receipts
})

const SITE = `<main style="font: 18px/1.6 system-ui, sans-serif; max-width: 760px; margin: 48px auto; padding: 0 20px">
<h1>МЕДИАСФЕРА СОФТ</h1><p>Разработка и сопровождение информационных систем.</p></main>`

const VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'

const shots = [
  { name: 'light', theme: 'light', viewport: { width: 1280, height: 800 }, dark: false },
  { name: 'dark', theme: 'dark', viewport: { width: 1280, height: 800 }, dark: true },
  { name: 'phone', theme: 'auto', viewport: { width: 390, height: 844 }, dark: false },
] as const

describe('README screenshots', () => {
  test.each(shots)('$name: banner, preferences and policy', async ({ name, theme, viewport, dark }) => {
    const context = await contextWith(env.browser, {
      viewport,
      colorScheme: dark ? 'dark' : 'light',
      ...(name === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    })
    const path = env.server.page(widgetPage({ config: { ...config, ui: { theme, position: 'bar' } }, head: VIEWPORT, body: SITE }))
    const tab = await openIn(context, env.server.url + path)
    const page = tab.page
    const shoot = async (what: string) => {
      const file = join(OUT, `${what}-${name}.png`)
      await page.screenshot({ path: file })
      expect((await stat(file)).size).toBeGreaterThan(10_000)
    }

    await expect.poll(() => bannerElement(page).isVisible()).toBe(true)
    await shoot('banner')
    await button(bannerElement(page), 'Настроить').click()
    await expect.poll(() => preferencesDialog(page).isVisible()).toBe(true)
    await shoot('preferences')
    await page.keyboard.press('Escape')
    await page.evaluate(() => window.Soglasie!.showPolicy())
    await expect.poll(() => policyDialog(page).isVisible()).toBe(true)
    await expect.poll(() => policyDialog(page).locator('table').count()).toBeGreaterThan(0)
    await shoot('policy')
  })
})
