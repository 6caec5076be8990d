import { expect, test } from 'vitest'
import { parseConfig, validate } from '../../src/config/validate'
import { config } from './fixtures'

test('accepts the contract example', () => {
  expect(validate(config())).toEqual([])
})

test('names the path and the known categories for a typo in a category', () => {
  const c = config()
  c.services!['vk-ads']!.category = 'marketng'
  expect(validate(c)).toEqual([
    'services.vk-ads.category: "marketng" is not a category; known: necessary, analytics, marketing',
  ])
})

test('rejects unknown keys at every level', () => {
  const c = config() as any
  c.titel = 'x'
  c.categories.analytics.titel = 'Аналитика'
  c.services.amocrm.processor.nmae = 'x'
  expect(validate(c)).toEqual([
    'categories.analytics.titel: unknown key; known: enabled, title, description',
    'services.amocrm.processor.nmae: unknown key; known: name, country, purpose, policyUrl, address',
    'titel: unknown key; known: $schema, revision, language, operator, policy, consentDocument, cookie, receipts, texts, autoBlock, ui, categories, services',
  ])
})

test('collects every error in one pass', () => {
  const errors = validate({
    revision: 0,
    language: 'de',
    operator: { inn: '123' },
    policy: { url: 'javascript:alert(1)' },
    cookie: { expiresDays: 1.5 },
    services: { 'bad id!': { category: 'analytics' } },
  })
  expect(errors).toEqual([
    'revision: expected a whole number from 1 to ∞, got 0',
    'language: "de" is not one of ru, en, auto',
    'operator.name: required',
    'operator.inn: "123" does not match ^(\\d{10}|\\d{12})$',
    'policy.url: "javascript:alert(1)" does not match ^(https?://|/)\\S*$',
    'cookie.expiresDays: expected a whole number, got 1.5',
    'services.bad id!: an id must be 1 to 40 Latin letters, digits, "-" or "_"',
  ])
})

test('says what was expected when the type is wrong', () => {
  expect(validate(null)).toEqual(['config: expected an object, got null'])
  expect(validate([])).toEqual(['config: expected an object, got []'])
  expect(validate({ operator: 'ООО', policy: {} })).toEqual(['operator: expected an object, got "ООО"'])
  const c = config() as any
  c.services['vk-ads'].cookies = 'tmr_*'
  expect(validate(c)).toEqual(['services.vk-ads.cookies: expected a list, got "tmr_*"'])
})

test('checks what a schema cannot: references and combinations', () => {
  const c = config() as any
  c.policy = {}
  c.categories.chats = {}
  c.categories.necessary.enabled = false
  c.services.both = { category: 'analytics', src: 'https://w.example/w.js', code: 'void 0' }
  c.services.opts = { category: 'analytics', options: { id: 1 } }
  expect(validate(c)).toEqual([
    'categories.necessary.enabled: necessary cookies cannot be switched off',
    'categories.chats.title: required for a category other than necessary, analytics, marketing, functional',
    'policy: needs url or markdown',
    'services.both: takes one of preset, src, code; got src and code',
    'services.opts.options: only a preset takes options',
  ])
})

test('a switched-off category takes its services with it, and neither appears in the model', () => {
  const c = config()
  c.categories!.marketing!.enabled = false
  c.services!.amocrm!.enabled = false
  const { model } = parseConfig(c)
  expect(model!.categories.map((x) => x.id)).toEqual(['necessary', 'analytics'])
  expect(model!.services.map((x) => x.id)).toEqual(['yandex-metrica'])
})

test('fills defaults and adds necessary when the config omits it', () => {
  const { model } = parseConfig({ operator: { name: 'ИП Иванов' }, policy: { url: '/privacy' } })
  expect(model).toMatchObject({
    revision: 1,
    language: 'ru',
    cookie: { name: 'soglasie', path: '/', expiresDays: 365 },
    categories: [{ id: 'necessary' }],
    services: [],
  })
})

test('the model is frozen and does not freeze the caller\'s object', () => {
  const c = config()
  const { model } = parseConfig(c)
  expect(Object.isFrozen(model!.services[0]!.options)).toBe(true)
  expect(Object.isFrozen(c.operator)).toBe(false)
})
