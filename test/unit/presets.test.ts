import { afterEach, describe, expect, test, vi } from 'vitest'
import { presetIds } from '../../src/config/shape'
import type { PresetId } from '../../src/config/types'
import { disclosures } from '../../src/presets/disclosures'
import { optionDocs } from '../../src/presets/docs'
import { checkOptions, optionRules, presets } from '../../src/presets/index'
import type { LoaderEnv } from '../../src/presets/preset'

type Page = Record<string, any>
const page = window as unknown as Page

const GLOBALS = [
  'ym', 'disableYaCounter12345678', '_tmr', 'VK', 'MangoObject', 'mgo', 'SaleBotPro', 'Marquiz', 'BhWidgetPage',
  'amo_social_button', 'amoSocialButton', 'SENDSAY', 'dataLayer', 'gtag', 'ga-disable-G-ABC123',
]
afterEach(() => {
  for (const name of GLOBALS) delete page[name]
  vi.restoreAllMocks()
})

/** Records what a preset asks to load; each script "loads" at once. */
function fakeEnv() {
  const scripts: { src: string; attributes?: Record<string, string> }[] = []
  const env: LoaderEnv = {
    script(src, attributes) {
      scripts.push(attributes ? { src, attributes } : { src })
      return Promise.resolve()
    },
  }
  return { env, scripts, urls: () => scripts.map((s) => s.src) }
}

const loaded = () => new Promise((resolve) => setTimeout(resolve))

const args = (queue: unknown[] | undefined) => (queue ?? []).map((entry) => Array.from(entry as ArrayLike<unknown>))

const cases: Record<PresetId, { options: Record<string, unknown>; url: string; missing?: string }> = {
  'yandex-metrica': { options: { id: 12345678 }, url: 'https://mc.yandex.ru/metrika/tag.js?id=12345678', missing: 'id' },
  'vk-ads': { options: { id: '3456789' }, url: 'https://top-fwz1.mail.ru/js/code.js', missing: 'id' },
  'vk-retargeting': {
    options: { id: 'VK-RTRG-123456-AbCdE' },
    url: 'https://vk.com/js/api/openapi.js?169',
    missing: 'id',
  },
  'top-mail-ru': { options: { id: 3456789 }, url: 'https://top-fwz1.mail.ru/js/code.js', missing: 'id' },
  'mango-office': { options: { id: 12345 }, url: 'https://widgets.mango-office.ru/widgets/mango.js', missing: 'id' },
  salebot: { options: { onlineChatId: '1584' }, url: 'https://salebot.pro/js/salebot.js', missing: 'onlineChatId' },
  marquiz: { options: { id: '5f0c8e9a1b2c3d4e5f6a7b8c' }, url: 'https://script.marquiz.ru/v2.js', missing: 'id' },
  bothelp: {
    options: { widget: { buttons: [{ type: 'telegram', token: 't' }], position: 'right' } },
    url: 'https://bothelp.io/widget-folder/widget-page.js',
    missing: 'widget',
  },
  amocrm: { options: { id: '123456', hash: 'abc' }, url: 'https://gso.amocrm.ru/js/button.js', missing: 'id' },
  sendsay: { options: {}, url: 'https://image.sendsay.ru/app/js/forms/forms.min.js' },
  'yandex-forms': { options: {}, url: 'https://forms.yandex.ru/_static/embed.js' },
  'google-analytics': {
    options: { id: 'G-ABC123' },
    url: 'https://www.googletagmanager.com/gtag/js?id=G-ABC123',
    missing: 'id',
  },
}

test('one preset per id, the same list as the config shape', () => {
  expect(Object.keys(presets).sort()).toEqual([...presetIds].sort())
})

describe.each(presetIds.map((id) => [id, presets[id], cases[id]] as const))('%s', (id, preset, c) => {
  test('has a title, a processor and a host', () => {
    expect(preset.title.trim()).not.toBe('')
    expect(preset.processor.name.trim()).not.toBe('')
    expect(preset.processor.country).toMatch(/^[A-Z]{2}$/)
    expect(preset.hosts.length).toBeGreaterThan(0)
  })

  test('is built on its own disclosure, the one the preferences dialog shows', () => {
    const own = disclosures[id]
    expect(preset.title).toBe(own.title)
    expect(preset.processor).toBe(own.processor)
    expect(preset.cookies).toBe(own.cookies)
  })

  test('explains each of its options, and only those', () => {
    expect(Object.keys(optionDocs[id])).toEqual(Object.keys(preset.options))
    const rules = optionRules(id)
    expect(Object.values(rules).every((rule) => rule.description.trim() !== '')).toBe(true)
    expect(checkOptions({ ...c.options, foo: 1 }, rules)).toEqual(preset.check({ ...c.options, foo: 1 }))
  })

  test('accepts its valid options', () => {
    expect(preset.check(c.options)).toEqual([])
  })

  test(c.missing ? 'reports the missing required option' : 'has no required option', () => {
    if (c.missing) expect(preset.check({})).toContain(`${c.missing}: required`)
    else expect(preset.check({})).toEqual([])
  })

  test('reports an unknown option, naming the known ones', () => {
    const problems = preset.check({ ...c.options, foo: 1 })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^foo: unknown option; /)
  })

  test('loads the vendor script from one of its hosts', () => {
    const { env, urls } = fakeEnv()
    preset.load(c.options, env)
    expect(urls()).toEqual([c.url])
    const url = new URL(c.url)
    const place = url.hostname + url.pathname
    expect(
      preset.hosts.some((h) => (h.includes('/') ? place.startsWith(h) : url.hostname === h || url.hostname.endsWith('.' + h))),
    ).toBe(true)
  })
})

describe('Yandex Metrica', () => {
  const metrica = presets['yandex-metrica']

  test('queues init with the defaults before the tag loads', () => {
    const { env } = fakeEnv()
    metrica.load({ id: '12345678' }, env)
    expect(typeof page.ym).toBe('function')
    // What the official stub queues, and so what tag.js expects to replay.
    expect(Object.prototype.toString.call(page.ym.a[0])).toBe('[object Arguments]')
    expect(args(page.ym.a)).toEqual([
      [
        12345678,
        'init',
        expect.objectContaining({ webvisor: false, clickmap: true, trackLinks: true, accurateTrackBounce: true }),
      ],
    ])
    expect(args(page.ym.a)[0]![2]).not.toHaveProperty('ecommerce')
  })

  test('passes the options through; ecommerce true means "dataLayer"', () => {
    const { env } = fakeEnv()
    metrica.load({ id: 1, webvisor: true, clickmap: false, trackLinks: false, accurateTrackBounce: false, ecommerce: true }, env)
    expect(args(page.ym.a)[0]![2]).toMatchObject({
      webvisor: true,
      clickmap: false,
      trackLinks: false,
      accurateTrackBounce: false,
      ecommerce: 'dataLayer',
    })
  })

  test('ecommerce as a string names the container', () => {
    metrica.load({ id: 1, ecommerce: 'shopData' }, fakeEnv().env)
    expect(args(page.ym.a)[0]![2]).toMatchObject({ ecommerce: 'shopData' })
  })

  test('joins a stub the page already made', () => {
    page.ym = function () {
      ;(page.ym.a = page.ym.a || []).push(arguments)
    }
    page.ym(1, 'reachGoal', 'early')
    metrica.load({ id: 1 }, fakeEnv().env)
    expect(args(page.ym.a).map((a) => a[1])).toEqual(['reachGoal', 'init'])
  })

  test('drain keeps init and drops a pre-consent goal', () => {
    page.ym = function () {
      ;(page.ym.a = page.ym.a || []).push(arguments)
    }
    page.ym(12345678, 'init', { webvisor: true })
    page.ym(12345678, 'reachGoal', 'order')
    page.ym(12345678, 'hit', '/cart')
    metrica.drain!()
    expect(args(page.ym.a)).toEqual([[12345678, 'init', { webvisor: true }]])
  })

  test('drain leaves a page without ym alone', () => {
    expect(() => metrica.drain!()).not.toThrow()
    expect(page.ym).toBeUndefined()
  })

  test('refuse sets the official opt-out flag, allow removes it', () => {
    metrica.refuse!({ id: '12345678' })
    expect(page.disableYaCounter12345678).toBe(true)
    metrica.allow!({ id: '12345678' })
    expect('disableYaCounter12345678' in page).toBe(false)
  })

  test('refuse with a bad id sets nothing', () => {
    metrica.refuse!({ id: '12a' })
    expect(Object.keys(page).filter((k) => k.startsWith('disableYaCounter'))).toEqual([])
  })

  test('bad options give exact messages', () => {
    expect(metrica.check({ id: '12a', webvisor: 'yes', ecommerce: 'data layer', foo: 1 })).toEqual([
      'id: expected a positive whole number, got "12a"',
      'webvisor: expected true or false, got "yes"',
      'ecommerce: expected true, false or the name of a data container, got "data layer"',
      'foo: unknown option; known: id, webvisor, clickmap, trackLinks, accurateTrackBounce, ecommerce',
    ])
    expect(metrica.check({ id: 0 })).toEqual(['id: expected a positive whole number, got 0'])
    expect(metrica.check({ id: 1.5 })).toEqual(['id: expected a positive whole number, got 1.5'])
  })

  test('an id is a safe whole number, or up to 15 significant digits as a string', () => {
    const ok = (id: unknown) => metrica.check({ id }).length === 0
    expect([9007199254740991, '0012', '999999999999999'].map(ok)).toEqual([true, true, true])
    expect([9007199254740992, '0', '-1', '1234567890123456', ' 1'].map(ok)).toEqual([false, false, false, false, false])
  })
})

describe('Top.Mail.Ru counter (VK Ads pixel)', () => {
  test('queues a pageView and loads code.js with the snippet element id', () => {
    const { env, scripts } = fakeEnv()
    presets['vk-ads'].load({ id: '3456789' }, env)
    expect(page._tmr).toEqual([{ id: '3456789', type: 'pageView', start: expect.any(Number) }])
    expect(scripts).toEqual([{ src: 'https://top-fwz1.mail.ru/js/code.js', attributes: { id: 'tmr-code' } }])
  })

  test('both presets are the same counter under different titles', () => {
    expect(presets['vk-ads'].title).toBe('Пиксель VK Рекламы')
    expect(presets['top-mail-ru'].title).toBe('Top.Mail.Ru')
    expect(presets['top-mail-ru'].hosts).toEqual(presets['vk-ads'].hosts)
    expect(presets['top-mail-ru'].processor.name).toBe('ООО «В контакте»')
  })

  test('drain keeps pageView, drops reachGoal, in the same array', () => {
    const queue = [
      { id: '1', type: 'pageView', start: 1 },
      { id: '1', type: 'reachGoal', goal: 'lead' },
    ]
    page._tmr = queue
    presets['vk-ads'].drain!()
    expect(page._tmr).toBe(queue)
    expect(queue).toEqual([{ id: '1', type: 'pageView', start: 1 }])
  })

  test('bad id', () => {
    expect(presets['vk-ads'].check({ id: 'abc' })).toEqual(['id: expected a positive whole number, got "abc"'])
  })
})

describe('VK Retargeting', () => {
  test('inits and hits once openapi.js has loaded', async () => {
    const Init = vi.fn()
    const Hit = vi.fn()
    page.VK = { Retargeting: { Init, Hit } }
    presets['vk-retargeting'].load({ id: 'VK-RTRG-123456-AbCdE' }, fakeEnv().env)
    expect(Init).not.toHaveBeenCalled()
    await loaded()
    expect(Init).toHaveBeenCalledWith('VK-RTRG-123456-AbCdE')
    expect(Hit).toHaveBeenCalledOnce()
  })

  test('a blocked openapi.js throws nothing, whether the env resolves or rejects', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    presets['vk-retargeting'].load({ id: 'VK-RTRG-1-a' }, fakeEnv().env)
    presets['vk-retargeting'].load({ id: 'VK-RTRG-1-a' }, { script: () => Promise.reject(new Error('blocked')) })
    await loaded()
    process.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
  })

  test('bad id', () => {
    expect(presets['vk-retargeting'].check({ id: '123' })).toEqual([
      'id: expected a pixel id like "VK-RTRG-123456-AbCdE", got "123"',
    ])
  })
})

describe('Mango Office', () => {
  const mango = presets['mango-office']

  test('call tracking by default, through the mgo queue', () => {
    const { env, scripts } = fakeEnv()
    mango.load({ id: '12345' }, env)
    expect(page.MangoObject).toBe('mgo')
    expect(args(page.mgo.q)).toEqual([[{ calltracking: { id: 12345, elements: [{ selector: '.mango-number' }] } }]])
    expect(scripts[0]!.attributes).toEqual({ id: 'mango-js' })
  })

  test('multichannel widget', () => {
    mango.load({ id: 12345, mode: 'multichannel' }, fakeEnv().env)
    expect(args(page.mgo.q)).toEqual([[{ multichannel: { id: 12345 } }]])
  })

  test('drain keeps init calls only', () => {
    page.mgo = function () {
      ;(page.mgo.q = page.mgo.q || []).push(arguments)
    }
    page.mgo({ calltracking: { id: 1 } })
    page.mgo('track', 'lead')
    page.mgo(() => {})
    mango.drain!()
    expect(args(page.mgo.q)).toEqual([[{ calltracking: { id: 1 } }]])
  })

  test('bad options', () => {
    expect(mango.check({ id: 'x1', mode: 'chat' })).toEqual([
      'id: expected a positive whole number, got "x1"',
      'mode: expected "calltracking" or "multichannel", got "chat"',
    ])
  })
})

describe('widgets that start once their script has loaded', () => {
  test('Salebot', async () => {
    const init = vi.fn()
    page.SaleBotPro = { init }
    presets.salebot.load({ onlineChatId: 1584 }, fakeEnv().env)
    await loaded()
    expect(init).toHaveBeenCalledWith({ onlineChatId: '1584' })
  })

  test('Marquiz', async () => {
    const init = vi.fn()
    page.Marquiz = { init }
    presets.marquiz.load({ id: 'abc', region: 'ru' }, fakeEnv().env)
    await loaded()
    expect(init).toHaveBeenCalledWith(expect.objectContaining({ host: '//quiz.marquiz.ru', region: 'ru', id: 'abc' }))
  })

  test('Bothelp gets a copy of its settings, as a constructor call', async () => {
    const seen: unknown[] = []
    page.BhWidgetPage = {
      init: function (this: unknown, settings: unknown) {
        seen.push(settings, new.target !== undefined)
      },
    }
    const widget = Object.freeze({ buttons: Object.freeze([{ type: 'telegram', token: 't' }]) })
    presets.bothelp.load({ widget }, fakeEnv().env)
    await loaded()
    expect(seen).toEqual([{ buttons: [{ type: 'telegram', token: 't' }] }, true])
    expect(Object.isFrozen(seen[0])).toBe(false)
  })

  test('Bothelp widget must be an object', () => {
    expect(presets.bothelp.check({ widget: [] })).toEqual([
      "widget: expected the settings object from Bothelp's widget code, got []",
    ])
  })

  test('Sendsay opens the popup form when one is given', async () => {
    const activatePopup = vi.fn()
    page.SENDSAY = { activatePopup }
    presets.sendsay.load({ form: 'https://sendsay.ru/form/x_123/1' }, fakeEnv().env)
    await loaded()
    expect(activatePopup).toHaveBeenCalledWith('https://sendsay.ru/form/x_123/1')
  })

  test('Sendsay without a form only loads the script', async () => {
    const activatePopup = vi.fn()
    page.SENDSAY = { activatePopup }
    presets.sendsay.load({}, fakeEnv().env)
    await loaded()
    expect(activatePopup).not.toHaveBeenCalled()
    expect(presets.sendsay.check({ form: 'http://evil.example/form/a/1' })).toEqual([
      'form: expected a form URL like "https://sendsay.ru/form/login/1", got "http://evil.example/form/a/1"',
    ])
  })

  test('Yandex Forms takes no options', () => {
    expect(presets['yandex-forms'].check({ id: 1 })).toEqual(['id: unknown option; this preset takes none'])
  })
})

describe('amoCRM', () => {
  test('sets the button config and queue before button.js', () => {
    const { env, scripts } = fakeEnv()
    presets.amocrm.load({ id: 123456, hash: 'abc' }, env)
    expect(page.amo_social_button).toMatchObject({ id: '123456', hash: 'abc', locale: 'ru', inline: false })
    page.amo_social_button.setMeta({ a: 1 })
    expect(page.amo_social_button.params).toEqual([{ a: 1 }])
    expect(typeof page.amoSocialButton).toBe('function')
    expect(scripts[0]!.attributes).toEqual({ id: 'amo_social_button_script' })
  })

  test('requires id and hash', () => {
    expect(presets.amocrm.check({})).toEqual(['id: required', 'hash: required'])
  })
})

describe('Google Analytics', () => {
  const ga = presets['google-analytics']

  test('defines dataLayer and gtag, queues js and config', () => {
    ga.load({ id: 'G-ABC123' }, fakeEnv().env)
    expect(typeof page.gtag).toBe('function')
    const commands = args(page.dataLayer)
    expect(commands.map((c) => c[0])).toEqual(['consent', 'js', 'config'])
    expect(commands[0]).toEqual(['consent', 'update', { analytics_storage: 'granted' }])
    expect(commands[1]![1]).toBeInstanceOf(Date)
    expect(commands[2]).toEqual(['config', 'G-ABC123'])
  })

  test('keeps an existing dataLayer', () => {
    const dataLayer: unknown[] = [{ event: 'gtm.js' }]
    page.dataLayer = dataLayer
    ga.load({ id: 'G-ABC123' }, fakeEnv().env)
    expect(page.dataLayer).toBe(dataLayer)
    expect(dataLayer).toHaveLength(4)
  })

  test('drain drops events, keeps setup and non-gtag data', () => {
    page.dataLayer = []
    page.gtag = function () {
      page.dataLayer.push(arguments)
    }
    page.gtag('consent', 'default', { analytics_storage: 'denied' })
    page.gtag('js', new Date(0))
    page.gtag('config', 'G-ABC123')
    page.gtag('set', { user_id: 'u' })
    page.gtag('event', 'purchase', { value: 1 })
    page.dataLayer.push({ ecommerce: { purchase: {} } })
    ga.drain!()
    expect(args(page.dataLayer.slice(0, -1)).map((c) => c[0])).toEqual(['consent', 'js', 'config', 'set'])
    expect(page.dataLayer.at(-1)).toEqual({ ecommerce: { purchase: {} } })
  })

  test('refuse sets the ga-disable flag, allow removes it', () => {
    ga.refuse!({ id: 'G-ABC123' })
    expect(page['ga-disable-G-ABC123']).toBe(true)
    ga.allow!({ id: 'G-ABC123' })
    expect('ga-disable-G-ABC123' in page).toBe(false)
  })

  test('processor is abroad', () => {
    expect(ga.processor).toMatchObject({ name: 'Google LLC', country: 'US' })
  })

  test('bad id', () => {
    expect(ga.check({ id: 'UA-1234-1' })).toEqual(['id: expected a measurement id like "G-XXXXXXXXXX", got "UA-1234-1"'])
  })
})
