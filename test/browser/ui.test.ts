// The visitor interface of dist/soglasie.js in Chromium: what a visitor sees, clicks and tabs through.
// The banner and the dialogs live in an open shadow root; Playwright's role locators pierce it, so most
// checks find things the way a screen reader would (a region, a dialog, a switch, a button by name).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import {
  consentCookie,
  getConsent,
  isTracker,
  settle,
  useBrowserEnv,
  widgetPage,
  type Tab,
  type WidgetPageOptions,
} from './harness'
import {
  FULL_CONFIG,
  bannerElement,
  bannerRegion,
  boxOf,
  button,
  configWith,
  contextWith,
  deepActive,
  describeViolations,
  luminance,
  openDialog,
  openIn,
  policyDialog,
  preferencesDialog,
  runAxe,
  screenshot,
  serious,
  shadowCount,
  startHeaderServer,
  styleOf,
  switchNamed,
  switchStarting,
  tabUntil,
  widget,
  withLang,
  type HeaderServer,
} from './ui-helpers'

const env = useBrowserEnv()

declare global {
  interface Window {
    __xss?: unknown
    __clicked?: number
    __csp?: string[]
    __atBodyStart?: { host: boolean; banner: boolean; title: string | null }
  }
}

/** A fresh visitor on a page with FULL_CONFIG (or `options.config`). */
async function visit(options: WidgetPageOptions = {}, suffix = ''): Promise<Tab> {
  const visitor = await env.visitor()
  return visitor.open(env.server.page(widgetPage({ config: FULL_CONFIG, ...options })) + suffix)
}

const BANNER_BUTTONS = ['Принять все', 'Отклонить', 'Настроить'] as const

async function openPreferencesFromBanner(page: Page) {
  await button(bannerRegion(page), 'Настроить').click()
  const dialog = preferencesDialog(page)
  await dialog.waitFor({ state: 'visible' })
  return dialog
}

// ---------------------------------------------------------------------------------------------------

describe('banner', () => {
  // A visitor who goes straight to accept or refuse never downloads the dialogs; one who reaches for
  // «Настроить» gets them a moment before the click.
  test.each([
    ['the pointer', (page: Page) => button(bannerRegion(page), 'Настроить').hover()],
    [
      'the keyboard focus',
      async (page: Page) => {
        for (let i = 0; i < 8 && !(await button(bannerRegion(page), 'Настроить').evaluate((b) => b.matches(':focus'))); i++) {
          await page.keyboard.press('Tab')
        }
      },
    ],
  ])('the dialogs file loads when %s comes to «Настроить», not with the page', async (_, reach) => {
    const dialogs = '/dist/soglasie.dialogs.js'
    const from = env.server.hits.length
    const tab = await visit()
    await bannerRegion(tab.page).waitFor({ state: 'visible' })
    await settle(tab, 500)
    expect(env.server.hits.slice(from)).toContain('/dist/soglasie.js')
    expect(env.server.hits.slice(from)).not.toContain(dialogs)

    await reach(tab.page)
    await expect.poll(() => env.server.hits.slice(from)).toContain(dialogs)
    await openPreferencesFromBanner(tab.page)
    expect(env.server.hits.slice(from).filter((hit) => hit === dialogs)).toHaveLength(1)
  })

  // Every decision needs the services file (the trackers, the receipt, a refusal's cleanup), so it is
  // fetched when the visitor reaches for the banner; nothing optional runs from it before the click.
  test.each([
    ['the pointer', (page: Page) => bannerRegion(page).hover()],
    ['the keyboard focus', (page: Page) => page.keyboard.press('Tab')],
  ])('the services file loads when %s comes to the banner, and no tracker runs before the click', async (_, reach) => {
    const services = '/dist/soglasie.services.js'
    const from = env.server.hits.length
    const visitor = await env.visitor()
    const config = configWith({
      services: {
        'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: 12345678 } },
        'vk-ads': { category: 'marketing', preset: 'vk-ads', options: { id: '3456789' } },
      },
    })
    const tab = await visitor.open(env.server.page(widgetPage({ config })))
    await bannerRegion(tab.page).waitFor({ state: 'visible' })
    await settle(tab, 500)
    expect(env.server.hits.slice(from)).not.toContain(services)

    await reach(tab.page)
    await expect.poll(() => env.server.hits.slice(from)).toContain(services)
    await expect.poll(() => tab.page.evaluate(() => window.__soglasieServices !== undefined)).toBe(true)
    await settle(tab, 500)
    expect(visitor.log.filter((r) => isTracker(r.host))).toEqual([])
    expect((await getConsent(tab)).decided).toBe(false)

    await button(bannerRegion(tab.page), 'Принять все').click()
    await expect.poll(() => new Set(visitor.log.filter((r) => isTracker(r.host)).map((r) => r.host))).toEqual(new Set(['mc.yandex.ru', 'top-fwz1.mail.ru']))
    expect(env.server.hits.slice(from).filter((hit) => hit === services)).toHaveLength(1)
  })

  test('a mouse user who goes straight to «Принять все» never downloads the dialogs file', async () => {
    const from = env.server.hits.length
    const tab = await visit()
    const accept = button(bannerRegion(tab.page), 'Принять все')
    await accept.hover()
    await settle(tab, 300)
    await accept.click()
    await bannerRegion(tab.page).waitFor({ state: 'hidden' })
    await settle(tab, 500)
    expect(env.server.hits.slice(from)).toContain('/dist/soglasie.services.js')
    expect(env.server.hits.slice(from)).not.toContain('/dist/soglasie.dialogs.js')
  })

  test('a mouse user sees three equal buttons; «Принять все» decides and stores, «Отклонить» refuses all', async () => {
    const visitor = await env.visitor()
    const path = env.server.page(widgetPage({ config: FULL_CONFIG }))
    const tab = await visitor.open(path)
    const page = tab.page
    expect(page.viewportSize()).toEqual({ width: 1280, height: 720 })

    const banner = bannerRegion(page)
    await banner.waitFor({ state: 'visible' })
    const text = (await banner.textContent()) ?? ''
    expect(text).toContain('ООО «МЕДИАСФЕРА СОФТ»')
    expect(text).toContain('ООО «Яндекс»')
    expect(text).toContain('Google LLC')
    expect(await banner.getByRole('link', { name: 'Согласие на обработку персональных данных' }).getAttribute('href')).toBe(
      'https://example.ru/consent',
    )
    expect(await banner.getByRole('button', { name: /закрыть|close|×/i }).count()).toBe(0)

    const buttons = await banner.getByRole('button').all()
    expect(await Promise.all(buttons.map((b) => b.textContent()))).toEqual([...BANNER_BUTTONS])
    const boxes = await Promise.all(BANNER_BUTTONS.map((name) => boxOf(button(banner, name))))
    for (const name of BANNER_BUTTONS) expect(await button(banner, name).isVisible()).toBe(true)
    for (const box of boxes) {
      expect(Math.abs(box.height - boxes[0]!.height), `heights ${boxes.map((b) => b.height)}`).toBeLessThan(1)
      expect(Math.abs(box.width - boxes[0]!.width), `widths ${boxes.map((b) => b.width)}`).toBeLessThan(1)
      expect(box.y + box.height).toBeLessThanOrEqual(720)
      expect(box.x + box.width).toBeLessThanOrEqual(1280)
    }
    // Same style: no button is nudged by colour either.
    const backgrounds = await Promise.all(BANNER_BUTTONS.map((name) => styleOf(button(banner, name), 'background-color')))
    expect(new Set(backgrounds).size).toBe(1)

    await button(banner, 'Принять все').click()
    await banner.waitFor({ state: 'hidden' })
    expect(await consentCookie(visitor, env.server)).toBeDefined()
    const accepted = await getConsent(tab)
    expect(accepted.decided).toBe(true)
    expect(accepted.categories).toEqual({ necessary: true, analytics: true, marketing: true, functional: true })
    expect(Object.values(accepted.services).every(Boolean)).toBe(true)
    // The choice sticks: no banner after a reload.
    await tab.reload()
    await settle(tab, 300)
    expect(await bannerElement(page).count()).toBe(0)

    const other = await (await env.visitor()).open(path)
    await button(bannerRegion(other.page), 'Отклонить').click()
    await bannerRegion(other.page).waitFor({ state: 'hidden' })
    const refused = await getConsent(other)
    expect(refused.decided).toBe(true)
    expect(refused.categories).toEqual({ necessary: true, analytics: false, marketing: false, functional: false })
    expect(refused.services).toEqual({ 'yandex-metrica': false, 'vk-ads': false, ga: false })
    expect([...tab.pageErrors, ...other.pageErrors]).toEqual([])
  })

  test('keyboard alone can customise and save', async () => {
    const tab = await visit()
    const page = tab.page

    // Tab reaches the banner's buttons, in order.
    const path = await tabUntil(page, (f) => f?.label === 'Настроить')
    const labels = path.map((f) => f?.label)
    expect(labels.indexOf('Принять все')).toBeGreaterThanOrEqual(0)
    expect(labels.indexOf('Принять все')).toBeLessThan(labels.indexOf('Отклонить'))
    expect(labels.indexOf('Отклонить')).toBeLessThan(labels.indexOf('Настроить'))

    await page.keyboard.press('Enter')
    const dialog = preferencesDialog(page)
    await dialog.waitFor({ state: 'visible' })
    await page.waitForFunction(() => {
      let e: Element | null = document.activeElement
      while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement
      return e?.closest('dialog[open]') != null
    }, null, { timeout: 2000 }).catch(() => {})
    expect((await deepActive(page))?.inDialog, 'focus moves into the dialog when it opens').toBe(true)

    // Space toggles a switch.
    const analytics = switchNamed(dialog, 'Аналитика')
    expect(await analytics.isChecked()).toBe(false)
    await tabUntil(page, (f) => f?.name === 'analytics', 40)
    await page.keyboard.press('Space')
    expect(await analytics.isChecked()).toBe(true)

    // Escape closes without saving; focus goes back to «Настроить».
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect((await getConsent(tab)).decided).toBe(false)
    const back = await deepActive(page)
    // Soft: when this fails, the rest (saving with the keyboard) is still checked.
    expect.soft(back && `${back.tag} «${back.label}»`, 'focus returns to «Настроить» after Escape').toBe('button «Настроить»')

    // Again, and this time save with the keyboard.
    if (back?.label !== 'Настроить') await tabUntil(page, (f) => f?.label === 'Настроить')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'visible' })
    expect(await analytics.isChecked(), 'nothing was saved, so the switch starts off again').toBe(false)
    await tabUntil(page, (f) => f?.name === 'analytics', 40)
    await page.keyboard.press('Space')
    await tabUntil(page, (f) => f?.label === 'Сохранить', 40)
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })

    const consent = await getConsent(tab)
    expect(consent.decided).toBe(true)
    expect(consent.categories).toEqual({ necessary: true, analytics: true, marketing: false, functional: false })
    expect(consent.services).toEqual({ 'yandex-metrica': true, ga: true, 'vk-ads': false })
    expect(await bannerElement(page).count()).toBe(0)
    expect(tab.pageErrors).toEqual([])
  })

  test('Tab and Shift+Tab never leave the open preferences dialog', async () => {
    const tab = await visit()
    const page = tab.page
    await tabUntil(page, (f) => f?.label === 'Настроить')
    await page.keyboard.press('Enter')
    await preferencesDialog(page).waitFor({ state: 'visible' })
    expect((await deepActive(page))?.inDialog, 'focus moves into the dialog when it opens').toBe(true)

    const escapes: string[] = []
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 1; i <= 30; i++) {
        await page.keyboard.press(key)
        const focused = await deepActive(page)
        if (!focused?.inDialog) {
          escapes.push(`${key} #${i}: ${focused ? `${focused.tag} «${focused.label}»` : 'nothing in the page (body / browser UI)'}`)
          // Come back in, as a visitor would, and go on counting.
          await page.keyboard.press(key)
        }
      }
    }
    expect(escapes, 'focus left the dialog').toEqual([])
  })

  test('the page behind the banner stays usable: no cookie wall', async () => {
    const tab = await visit({
      body: `<button id="buy" onclick="window.__clicked = (window.__clicked || 0) + 1">Купить</button>
<div style="height: 3000px">Длинная страница</div>`,
    })
    const page = tab.page
    await bannerRegion(page).waitFor({ state: 'visible' })
    // A real mouse click (Playwright checks nothing covers the button first).
    await page.getByRole('button', { name: 'Купить' }).click({ timeout: 3000 })
    expect(await page.evaluate(() => window.__clicked)).toBe(1)
    await page.mouse.move(640, 100)
    await page.mouse.wheel(0, 800)
    await page.waitForFunction(() => scrollY > 0, null, { timeout: 2000 })
    expect(await bannerRegion(page).isVisible()).toBe(true)
    expect((await getConsent(tab)).decided).toBe(false)
  })

  test('first paint: the banner is in the DOM before the first script in <body> runs', async () => {
    const tab = await visit({
      body: `<script>
  (function () {
    var host = document.querySelector('[data-soglasie]');
    var root = host && host.shadowRoot;
    var heading = root && root.querySelector('.banner h2');
    window.__atBodyStart = { host: !!host, banner: !!(root && root.querySelector('.banner')), title: heading && heading.textContent };
  })();
</script>
<p>Содержимое страницы</p>`,
    })
    expect(await tab.page.evaluate(() => window.__atBodyStart)).toEqual({ host: true, banner: true, title: 'Мы используем cookie' })
    expect(await tab.page.evaluate(() => document.body.firstElementChild?.hasAttribute('data-soglasie'))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------------

describe('preferences', () => {
  test('allow analytics but not Яндекс Метрика; a returning visitor sees that choice', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(
      widgetPage({ config: FULL_CONFIG, body: '<footer><a href="#soglasie-preferences">Настройки cookie</a></footer>' }),
    )
    const page = tab.page
    let dialog = await openPreferencesFromBanner(page)

    for (const name of ['Сохранить', 'Принять все', 'Отклонить все', 'Закрыть']) expect(await button(dialog, name).isVisible(), name).toBe(true)
    expect(await dialog.getAttribute('aria-modal')).toBe('true')

    // One switch per category, named by its title; necessary locked on.
    const necessary = switchStarting(dialog, 'Необходимые')
    expect(await necessary.isChecked()).toBe(true)
    expect(await necessary.isDisabled()).toBe(true)
    expect(await dialog.getByText('Всегда включены').isVisible()).toBe(true)
    for (const name of ['Аналитика', 'Реклама', 'Чаты']) expect(await switchNamed(dialog, name).isChecked()).toBe(false)

    // Switching a category switches its services; then one is switched off on its own.
    await switchNamed(dialog, 'Аналитика').click()
    expect(await switchNamed(dialog, 'Яндекс Метрика').isChecked()).toBe(true)
    expect(await switchNamed(dialog, 'Google Analytics').isChecked()).toBe(true)
    expect(await switchNamed(dialog, 'ООО «ВК»').isChecked()).toBe(false)
    await switchNamed(dialog, 'Яндекс Метрика').click()
    expect(await switchNamed(dialog, 'Яндекс Метрика').isChecked()).toBe(false)
    await button(dialog, 'Сохранить').click()
    await dialog.waitFor({ state: 'hidden' })

    const saved = await getConsent(tab)
    expect(saved).toMatchObject({
      decided: true,
      categories: { necessary: true, analytics: true, marketing: false, functional: false },
      services: { 'yandex-metrica': false, ga: true, 'vk-ads': false },
    })
    expect(await bannerElement(page).count()).toBe(0)

    // Back later: the footer link opens the same choice.
    await tab.reload()
    expect(await bannerElement(page).count()).toBe(0)
    await page.getByRole('link', { name: 'Настройки cookie' }).click()
    dialog = preferencesDialog(page)
    await dialog.waitFor({ state: 'visible' })
    expect(await switchNamed(dialog, 'Аналитика').isChecked()).toBe(true)
    expect(await switchNamed(dialog, 'Яндекс Метрика').isChecked()).toBe(false)
    expect(await switchNamed(dialog, 'Google Analytics').isChecked()).toBe(true)
    expect(await switchNamed(dialog, 'Реклама').isChecked()).toBe(false)
    expect(await switchStarting(dialog, 'Необходимые').isChecked()).toBe(true)
    expect(await switchStarting(dialog, 'Необходимые').isDisabled()).toBe(true)

    // Disclosure: processor, country, purpose, cookies, policy; a US processor is a cross-border transfer.
    const item = (service: string) => dialog.locator('li', { has: switchNamed(page, service) })
    const ga = (await item('Google Analytics').textContent()) ?? ''
    expect(ga).toContain('Google LLC')
    expect(ga).toMatch(/US[^А-Яа-я]*трансграничная передача/)
    const ym = (await item('Яндекс Метрика').textContent()) ?? ''
    for (const part of ['ООО «Яндекс»', 'RU', 'статистика', '_ym_*']) expect(ym).toContain(part)
    expect(ym).not.toContain('трансграничная')
    expect(await item('Яндекс Метрика').getByRole('link').getAttribute('href')).toBe('https://yandex.ru/legal/confidential/')
    // The services sit under their own category.
    const analyticsSection = dialog.locator('section', { has: switchNamed(page, 'Аналитика') })
    expect(await analyticsSection.getByRole('switch').count()).toBe(3)

    await button(dialog, 'Закрыть').click()
    await dialog.waitFor({ state: 'hidden' })
    expect(tab.pageErrors).toEqual([])
  })

  test('the page opens the dialogs: data-soglasie-open, #soglasie- links, late elements, the URL hash', async () => {
    const tab = await visit({
      body: `<nav>
  <button data-soglasie-open="preferences">Открыть настройки</button>
  <button data-soglasie-open="policy">Открыть политику</button>
  <button data-soglasie-open="banner">Показать баннер</button>
  <a href="#soglasie-policy"><span>Политика (ссылка)</span></a>
</nav>
<script>
  setTimeout(function () {
    var late = document.createElement('button');
    late.setAttribute('data-soglasie-open', 'preferences');
    late.textContent = 'Поздняя кнопка';
    document.body.append(late);
  }, 300);
</script>`,
    })
    const page = tab.page
    await page.evaluate(() => window.Soglasie!.acceptAll())
    await bannerElement(page).waitFor({ state: 'detached' })

    const opensAndCloses = async (opener: string, dialogName: string) => {
      await page.getByText(opener, { exact: true }).click()
      const dialog = page.getByRole('dialog', { name: dialogName })
      await dialog.waitFor({ state: 'visible', timeout: 3000 })
      await button(dialog, 'Закрыть').click()
      await dialog.waitFor({ state: 'hidden' })
    }
    await opensAndCloses('Открыть настройки', 'Настройки cookie')
    await opensAndCloses('Открыть политику', 'Политика обработки персональных данных')
    await opensAndCloses('Политика (ссылка)', 'Политика обработки персональных данных')
    await page.getByText('Поздняя кнопка').waitFor()
    await opensAndCloses('Поздняя кнопка', 'Настройки cookie')
    expect(new URL(page.url()).hash, 'the page did not jump to a #soglasie- anchor').toBe('')

    await page.getByRole('button', { name: 'Показать баннер' }).click()
    await bannerRegion(page).waitFor({ state: 'visible', timeout: 3000 })
    expect(tab.pageErrors).toEqual([])

    // A link from another page: /page#soglasie-preferences opens the preferences on arrival.
    const arriving = await visit({}, '#soglasie-preferences')
    await preferencesDialog(arriving.page).waitFor({ state: 'visible', timeout: 3000 })
    expect(arriving.pageErrors).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------

describe('policy', () => {
  test('the inline policy renders as elements: heading, paragraph with bold, list, table', async () => {
    const tab = await visit()
    const page = tab.page
    const link = bannerRegion(page).getByRole('link', { name: 'Политика обработки персональных данных' })
    expect(await link.getAttribute('href')).toBe('#soglasie-policy')
    await link.click()
    const dialog = policyDialog(page)
    await dialog.waitFor({ state: 'visible' })

    expect(await dialog.getByRole('heading', { name: 'Политика', level: 3 }).isVisible()).toBe(true)
    expect(await dialog.locator('strong', { hasText: 'жирный' }).count()).toBe(1)
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual(['пункт'])
    const table = dialog.getByRole('table')
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Обработчик', 'Страна'])
    expect(await table.getByRole('cell').allTextContents()).toEqual(['ООО «Яндекс»', 'RU'])
    const text = (await dialog.textContent()) ?? ''
    expect(text).not.toMatch(/\*\*|\|---|^#/m)
    expect(tab.pageErrors).toEqual([])
  })

  test('without policy.markdown the banner links to policy.url in a new tab', async () => {
    const config = configWith({ policy: { url: 'https://example.ru/privacy' } })
    const tab = await visit({ config })
    const page = tab.page
    const link = bannerRegion(page).getByRole('link', { name: 'Политика обработки персональных данных' })
    expect(await link.getAttribute('href')).toBe('https://example.ru/privacy')
    expect(await link.getAttribute('target')).toBe('_blank')
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()])
    expect(popup.url()).toBe('https://example.ru/privacy')
    await popup.close()
    expect(await openDialog(page).count()).toBe(0)
  })
})

// ---------------------------------------------------------------------------------------------------

const IMG = '<img src=x onerror="window.__xss=1">'
const SCRIPT = '<script>window.__xss=1</script>'
const JS_LINK = '[click](javascript:window.__xss=1)'
const ALL = `${IMG} ${SCRIPT} ${JS_LINK}`
/** Valid for the config's URL pattern (no spaces), still trying to break out of an attribute. */
const URL_BREAKOUT = 'https://example.ru/x"><img/src=x/onerror=window.__xss=1>'

const HOSTILE_CONFIG = {
  operator: { name: `ООО ${ALL}` },
  policy: {
    url: URL_BREAKOUT,
    markdown: [
      `# Заголовок ${SCRIPT}`,
      '',
      IMG,
      '',
      `- пункт ${IMG}`,
      `- ${JS_LINK}`,
      '- [upper](JavaScript:window.__xss=1)',
      '- [data](data:text/html,<script>window.__xss=1</script>)',
      '- [vb](vbscript:window.__xss=1)',
      '- [ok](https://example.ru/ok)',
      '',
      '| A | B |',
      '|---|---|',
      `| ${SCRIPT} | [x](javascript:window.__xss=1) |`,
    ].join('\n'),
  },
  consentDocument: { url: URL_BREAKOUT },
  categories: {
    analytics: { title: `Аналитика ${IMG}`, description: ALL },
    marketing: { title: SCRIPT, description: JS_LINK },
  },
  services: {
    'yandex-metrica': {
      category: 'analytics',
      title: ALL,
      processor: { name: IMG, country: 'US', purpose: ALL, address: ALL, policyUrl: URL_BREAKOUT },
      cookies: ['<script>alert(1)</script>'],
    },
    'vk-ads': { category: 'marketing', processor: { name: SCRIPT } },
  },
  texts: {
    ru: {
      bannerTitle: `Cookie ${IMG}`,
      bannerText: `{operator} ${ALL}`,
      policyLink: `Политика ${JS_LINK}`,
      preferencesTitle: `Настройки ${IMG}`,
      preferencesText: ALL,
      alwaysOn: JS_LINK,
      crossBorder: IMG,
      purpose: SCRIPT,
      policyTitle: SCRIPT,
      close: IMG,
    },
  },
}

describe('hostile config', () => {
  test('markup and javascript: links in every config text stay text', async () => {
    const tab = await visit({ config: HOSTILE_CONFIG })
    const page = tab.page
    expect(tab.consoleErrors.filter((e) => e.startsWith('[soglasie]')), 'the config is valid').toEqual([])

    const clickEveryLink = async (scope: ReturnType<typeof openDialog>) => {
      for (const link of await scope.locator('a').all()) {
        const target = await link.getAttribute('target')
        if (target === '_blank') {
          const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()])
          await popup.close()
        } else {
          await link.click()
        }
      }
    }

    const banner = bannerElement(page)
    await banner.waitFor({ state: 'visible' })
    const bannerText = (await banner.textContent()) ?? ''
    expect(bannerText).toContain(`ООО ${IMG} ${SCRIPT} ${JS_LINK}`)
    expect(bannerText).toContain(`Cookie ${IMG}`)
    // The banner's consent link (breakout URL): a new tab, nothing else.
    const [popup] = await Promise.all([page.waitForEvent('popup'), banner.getByRole('link').nth(1).click()])
    await popup.close()

    // Preferences: the third banner button.
    await banner.getByRole('button').nth(2).click()
    let dialog = openDialog(page)
    await dialog.waitFor({ state: 'visible' })
    const prefsText = (await dialog.textContent()) ?? ''
    for (const literal of [`Аналитика ${IMG}`, SCRIPT, ALL, JS_LINK]) expect(prefsText).toContain(literal)
    await clickEveryLink(dialog)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    // Policy: from the banner's policy link.
    await banner.getByRole('link').first().click()
    dialog = openDialog(page)
    await dialog.waitFor({ state: 'visible' })
    const policyText = (await dialog.textContent()) ?? ''
    expect(policyText).toContain(`Заголовок ${SCRIPT}`)
    expect(policyText).toContain(`пункт ${IMG}`)
    expect(await dialog.getByRole('link', { name: 'ok' }).getAttribute('href')).toBe('https://example.ru/ok')
    await clickEveryLink(dialog)
    await settle(tab, 300)

    expect(await page.evaluate(() => window.__xss)).toBeUndefined()
    expect(await shadowCount(page, 'img, script, iframe, object, embed')).toBe(0)
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0)
    const hrefs = await page.evaluate(() =>
      [...(document.querySelector('[data-soglasie]')!.shadowRoot!.querySelectorAll('a[href]'))].map((a) => a.getAttribute('href')!),
    )
    expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual([])
    expect(await shadowCount(page, 'a[href^="javascript:" i]')).toBe(0)
    expect(await page.evaluate(() => window.__xss)).toBeUndefined()
    expect(tab.pageErrors).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------

const TILDA_CSS = `<style>
* { box-sizing: content-box !important; margin: 0; padding: 0; font-family: serif !important; line-height: 3 !important; letter-spacing: 3px; }
button { background: red !important; }
.t-label { position: fixed; bottom: 0; left: 0; right: 0; height: 200px; z-index: 99900 !important; background: #0f0; }
</style>`

describe('isolation from the host page', () => {
  test('a hostile Tilda-like page neither restyles the banner nor covers it', async () => {
    const plain = await visit({ body: '<p>Обычная страница</p>' })
    const tilda = await visit({ head: TILDA_CSS, body: '<div class="t-label">Tilda label</div><p>Страница Tilda</p>' })

    for (const size of [
      { width: 1280, height: 720 },
      { width: 375, height: 812 },
    ]) {
      await plain.page.setViewportSize(size)
      await tilda.page.setViewportSize(size)
      const at = `${size.width}×${size.height}`
      for (const name of BANNER_BUTTONS) {
        const mine = await boxOf(button(bannerRegion(plain.page), name))
        const theirs = await boxOf(button(bannerRegion(tilda.page), name))
        expect(Math.abs(theirs.width - mine.width), `${name} width at ${at}`).toBeLessThan(1)
        expect(Math.abs(theirs.height - mine.height), `${name} height at ${at}`).toBeLessThan(1)
        const background = await styleOf(button(bannerRegion(tilda.page), name), 'background-color')
        expect(background).not.toBe('rgb(255, 0, 0)')
        expect(background).toBe(await styleOf(button(bannerRegion(plain.page), name), 'background-color'))
      }
      // On top of the fixed label: what is under the banner's centre (and each button's) is the widget.
      const banner = await boxOf(bannerRegion(tilda.page))
      const points = [{ x: banner.x + banner.width / 2, y: banner.y + banner.height / 2 }]
      for (const name of BANNER_BUTTONS) {
        const b = await boxOf(button(bannerRegion(tilda.page), name))
        points.push({ x: b.x + b.width / 2, y: b.y + b.height / 2 })
      }
      const hits = await tilda.page.evaluate(
        (ps) => ps.map(({ x, y }) => document.elementFromPoint(x, y)?.matches('[data-soglasie]') ?? false),
        points,
      )
      expect(hits, `elementFromPoint at ${at}`).toEqual(points.map(() => true))

      await screenshot(tilda.page, `ui-tilda-banner-${size.width}x${size.height}`)
      await button(bannerRegion(tilda.page), 'Настроить').click()
      const dialog = preferencesDialog(tilda.page)
      await dialog.waitFor({ state: 'visible' })
      await settle(tilda, 200)
      await screenshot(tilda.page, `ui-tilda-preferences-${size.width}x${size.height}`)
      const dialogBox = await boxOf(dialog)
      expect(dialogBox.x).toBeGreaterThanOrEqual(0)
      expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(size.width)
      expect(await styleOf(button(dialog, 'Сохранить'), 'background-color')).not.toBe('rgb(255, 0, 0)')
      await button(dialog, 'Закрыть').click()
      await dialog.waitFor({ state: 'hidden' })
    }

    // A real click reaches the banner through the label's area.
    await button(bannerRegion(tilda.page), 'Принять все').click({ timeout: 3000 })
    expect((await getConsent(tilda)).decided).toBe(true)
    expect([...plain.pageErrors, ...tilda.pageErrors]).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------

describe('strict CSP', () => {
  let server: HeaderServer
  beforeAll(async () => {
    server = await startHeaderServer()
  })
  afterAll(() => server?.close())

  const CSP = "script-src 'nonce-abc123' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'"

  test('under a nonce CSP the banner is styled, the dialogs load, and nothing is blocked', async () => {
    const html = widgetPage({ config: FULL_CONFIG, scriptAttrs: ' nonce="abc123"' })
    // The harness's probe script has no nonce; it is not needed here and would be a violation of its own.
    const page = html.replace(/<script>\nwindow\.__events[\s\S]*?<\/script>/, '')
    expect(page).not.toContain('window.__events')
    const path = server.page(page, { 'content-security-policy': CSP })

    const visitor = await env.visitor()
    await visitor.context.addInitScript(() => {
      window.__csp = []
      addEventListener('securitypolicyviolation', (e) => window.__csp!.push(`${e.violatedDirective} ${e.blockedURI}`), true)
    })
    const tab = await openIn(visitor.context, server.url + path)
    const p = tab.page

    const banner = bannerRegion(p)
    await banner.waitFor({ state: 'visible' })
    const accept = button(banner, 'Принять все')
    expect(await styleOf(accept, 'background-color'), 'the accent colour').toBe('rgb(29, 78, 216)')
    expect(await styleOf(banner, 'position')).toBe('fixed')

    await button(banner, 'Настроить').click()
    const dialog = preferencesDialog(p)
    await dialog.waitFor({ state: 'visible', timeout: 3000 })
    expect(server.hits).toContain('/dist/soglasie.dialogs.js')
    expect(await p.evaluate(() => document.querySelector<HTMLScriptElement>('script[src$="soglasie.dialogs.js"]')?.nonce)).toBe('abc123')
    expect(await styleOf(switchNamed(dialog, 'Аналитика'), 'appearance')).toBe('none') // dialogs.css applied
    await settle(tab, 200)

    expect(await p.evaluate(() => window.__csp)).toEqual([])
    expect(tab.pageErrors).toEqual([])
    expect(tab.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([])

    // Control: the listener does see a violation on this page.
    await p.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'p{}' })))
    await p.waitForFunction(() => (window.__csp?.length ?? 0) > 0, null, { timeout: 2000 })
  })
})

// ---------------------------------------------------------------------------------------------------

describe('accessibility (axe-core)', () => {
  test('control: axe looks inside an open shadow root', async () => {
    const visitor = await env.visitor()
    const tab = await visitor.open(
      `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Контроль</title></head><body><main>
<div id="host"></div>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
    '<p style="color:#c8c8c8;background:#fff">Бледный текст в тени</p>';
</script></main></body></html>`,
      { waitForWidget: false },
    )
    const violations = await runAxe(tab.page)
    const contrast = violations.find((v) => v.id === 'color-contrast')
    expect(contrast, describeViolations(violations)).toBeDefined()
    expect(JSON.stringify(contrast!.nodes[0]!.target)).toContain('#host')
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`${theme} theme: banner, preferences and policy have no serious or critical violations`, async () => {
      const tab = await visit({ config: configWith({ ui: { theme } }), body: '<main><h1>Страница</h1><p>Текст</p></main>' })
      const page = tab.page
      const found: string[] = []
      const check = async (state: string) => {
        const bad = serious(await runAxe(page))
        if (bad.length) found.push(`— ${theme}, ${state}:\n${describeViolations(bad)}`)
      }

      await bannerRegion(page).waitFor({ state: 'visible' })
      await check('banner')
      const prefs = await openPreferencesFromBanner(page)
      await settle(tab, 200)
      await check('preferences dialog')
      await button(prefs, 'Закрыть').click()
      await prefs.waitFor({ state: 'hidden' })
      await page.evaluate(() => window.Soglasie!.showPolicy())
      await policyDialog(page).waitFor({ state: 'visible' })
      await settle(tab, 200)
      await check('policy dialog')

      if (found.length) console.log(found.join('\n'))
      expect(found, found.join('\n')).toEqual([])
    })
  }
})

// ---------------------------------------------------------------------------------------------------

describe('languages', () => {
  const bannerButtons = async (tab: Tab) => bannerElement(tab.page).getByRole('button').allTextContents()
  const EN = ['Accept all', 'Reject all', 'Customize']

  test('language "en" and "auto" follow the config, the page, then the browser', async () => {
    expect(await bannerButtons(await visit({ config: configWith({ language: 'en' }) }))).toEqual(EN)

    const auto = configWith({ language: 'auto' })
    const open = async (lang: string | null) => (await env.visitor()).open(withLang(widgetPage({ config: auto }), lang))
    const english = await open('en')
    expect(await bannerButtons(english)).toEqual(EN)
    expect(await bannerRegion(english.page, 'We use cookies').isVisible()).toBe(true)
    expect(await bannerButtons(await open('ru'))).toEqual([...BANNER_BUTTONS])

    // No lang on the page: the browser's language decides.
    const noLang = env.server.page(withLang(widgetPage({ config: auto }), null))
    const inEnglish = await openIn(await contextWith(env.browser, { locale: 'en-US' }), env.server.url + noLang)
    expect(await inEnglish.page.evaluate(() => navigator.languages[0])).toBe('en-US')
    expect(await bannerButtons(inEnglish)).toEqual(EN)
    const inRussian = await openIn(await contextWith(env.browser, { locale: 'ru-RU' }), env.server.url + noLang)
    expect(await bannerButtons(inRussian)).toEqual([...BANNER_BUTTONS])
  })

  test('a text override shows', async () => {
    const tab = await visit({ config: configWith({ texts: { ru: { acceptAll: 'Согласен со всем' } } }) })
    expect(await bannerButtons(tab)).toEqual(['Согласен со всем', 'Отклонить', 'Настроить'])
  })
})

// ---------------------------------------------------------------------------------------------------

describe('positions and themes', () => {
  for (const position of ['bar', 'box', 'center'] as const) {
    test(`position "${position}" keeps the whole banner inside the viewport`, async () => {
      const tab = await visit({ config: configWith({ ui: { position } }) })
      const page = tab.page
      for (const size of [
        { width: 360, height: 640 },
        { width: 1440, height: 900 },
      ]) {
        await page.setViewportSize(size)
        const banner = bannerRegion(page)
        const box = await boxOf(banner)
        const at = `${position} at ${size.width}×${size.height}: ${JSON.stringify(box)}`
        expect(box.x, at).toBeGreaterThanOrEqual(0)
        expect(box.y, at).toBeGreaterThanOrEqual(0)
        expect(box.x + box.width, at).toBeLessThanOrEqual(size.width + 0.5)
        expect(box.y + box.height, at).toBeLessThanOrEqual(size.height + 0.5)
        // …and every button can be reached (scrolled into view inside the banner if needed).
        for (const name of BANNER_BUTTONS) {
          await button(banner, name).scrollIntoViewIfNeeded()
          const b = await boxOf(button(banner, name))
          expect(b.x + b.width, `${name}, ${at}`).toBeLessThanOrEqual(size.width + 0.5)
          expect(b.y + b.height, `${name}, ${at}`).toBeLessThanOrEqual(size.height + 0.5)
        }
      }
    })
  }

  test('the dark theme has a dark banner, the light theme a light one', async () => {
    const dark = await visit({ config: configWith({ ui: { theme: 'dark' } }) })
    const light = await visit({ config: configWith({ ui: { theme: 'light' } }) })
    const darkBg = luminance(await styleOf(bannerRegion(dark.page), 'background-color'))
    const darkFg = luminance(await styleOf(bannerRegion(dark.page).getByRole('heading'), 'color'))
    expect(darkBg).toBeLessThan(0.1)
    expect(darkFg).toBeGreaterThan(0.5)
    expect(luminance(await styleOf(bannerRegion(light.page), 'background-color'))).toBeGreaterThan(0.8)
  })
})

// ---------------------------------------------------------------------------------------------------

describe('floating button', () => {
  test('ui.button: a «Cookie» button appears after the decision and reopens the preferences', async () => {
    const tab = await visit({ config: configWith({ ui: { button: true } }) })
    const page = tab.page
    const cookie = button(page, 'Cookie')
    expect(await cookie.isVisible(), 'not while the banner shows').toBe(false)
    await button(bannerRegion(page), 'Принять все').click()
    await cookie.waitFor({ state: 'visible', timeout: 2000 })
    await cookie.click()
    const dialog = preferencesDialog(page)
    await dialog.waitFor({ state: 'visible' })
    expect(await switchNamed(dialog, 'Аналитика').isChecked()).toBe(true)
    expect(await cookie.isVisible(), 'not while a dialog shows').toBe(false)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await cookie.waitFor({ state: 'visible', timeout: 2000 })
  })

  test('without ui.button there is no floating button', async () => {
    const tab = await visit()
    await button(bannerRegion(tab.page), 'Принять все').click()
    await bannerElement(tab.page).waitFor({ state: 'detached' })
    await settle(tab, 300)
    expect(await button(tab.page, 'Cookie').count()).toBe(0)
    expect(await widget(tab.page).getByRole('button').count()).toBe(0)
  })
})
