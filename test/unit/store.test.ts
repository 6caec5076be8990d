import Cookies from 'js-cookie'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { parseConfig } from '../../src/config/validate'
import type { Model } from '../../src/config/model'
import { decode, encode } from '../../src/consent/cookie'
import { $consent, connect, type Decision } from '../../src/consent/store'
import { config } from './fixtures'

let model: Model

beforeEach(() => {
  model = parseConfig(config())!.model!
})
afterEach(() => {
  for (const name of Object.keys(Cookies.get())) Cookies.remove(name)
  vi.useRealTimers()
})

test('before a decision only necessary and its services are allowed', () => {
  connect(model)
  expect($consent.get()).toEqual({
    id: null,
    decided: false,
    revision: 1,
    timestamp: null,
    categories: { necessary: true, analytics: false, marketing: false },
    services: { 'yandex-metrica': false, 'vk-ads': false, amocrm: true },
  })
})

test('acceptAll allows everything and keeps it in the cookie', () => {
  connect(model).acceptAll('accept-all')
  const consent = $consent.get()
  expect(consent).toMatchObject({
    decided: true,
    categories: { necessary: true, analytics: true, marketing: true },
    services: { 'yandex-metrica': true, 'vk-ads': true, amocrm: true },
  })
  expect(consent.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(Cookies.get('soglasie')).toMatch(/^1\.d\.[0-9a-f-]{36}\.1\.\w+\.\w+\.analytics\.marketing\.yandex-metrica\.vk-ads$/)
})

test('a stored choice is read back on the next page', () => {
  connect(model).accept({ analytics: true }, 'custom')
  const first = $consent.get()
  $consent.set({ ...first, decided: false })
  connect(model)
  expect($consent.get()).toMatchObject({ id: first.id, decided: true, categories: first.categories, services: first.services })
})

test('rejectAll refuses everything optional but necessary stays', () => {
  connect(model).rejectAll('reject-all')
  expect($consent.get()).toMatchObject({
    decided: true,
    categories: { necessary: true, analytics: false, marketing: false },
    services: { 'yandex-metrica': false, 'vk-ads': false, amocrm: true },
  })
})

test('a category reaches its services unless the choice names the service', () => {
  connect(model).accept({ analytics: true, marketing: true, 'vk-ads': false }, 'custom')
  expect($consent.get().services).toEqual({ 'yandex-metrica': true, 'vk-ads': false, amocrm: true })
})

test('necessary cannot be refused and unknown ids are a clear error', () => {
  const actions = connect(model)
  actions.accept({ necessary: false, amocrm: false }, 'api')
  expect($consent.get().categories.necessary).toBe(true)
  expect($consent.get().services.amocrm).toBe(true)
  expect(() => actions.accept({ analitics: true }, 'api')).toThrow(
    '"analitics" is not a category or service; known: necessary, analytics, marketing, yandex-metrica, vk-ads, amocrm',
  )
  expect(() => actions.accept({ analytics: 'yes' as any }, 'api')).toThrow('"analytics" must be true or false')
})

test('the id stays the same across changes', () => {
  const actions = connect(model)
  actions.acceptAll('accept-all')
  const id = $consent.get().id
  actions.withdraw('api')
  expect($consent.get().id).toBe(id)
})

test('a placeholder click allows one service without deciding the banner', () => {
  const actions = connect(model)
  actions.allowFromPlaceholder('yandex-metrica')
  expect($consent.get()).toMatchObject({ decided: false, categories: { analytics: false }, services: { 'yandex-metrica': true } })
  connect(model)
  expect($consent.get()).toMatchObject({ decided: false, services: { 'yandex-metrica': true } })
})

test('every decision is reported with its method and the consent before it', () => {
  const actions = connect(model)
  const decisions: Decision[] = []
  actions.onDecision((d) => decisions.push(d))
  actions.acceptAll('accept-all')
  actions.withdraw('api')
  expect(decisions.map((d) => [d.method, d.previous.decided, d.consent.categories.analytics])).toEqual([
    ['accept-all', false, true],
    ['api', true, false],
  ])
})

test('listeners hear changes only, and a re-read of the same cookie is no change', () => {
  const actions = connect(model)
  const heard = vi.fn()
  const off = $consent.listen(heard)
  actions.reload()
  expect(heard).not.toHaveBeenCalled()
  actions.acceptAll('accept-all')
  actions.reload()
  expect(heard).toHaveBeenCalledTimes(1)
  off()
})

test('unreadable cookies mean "not decided"', () => {
  connect(model).acceptAll('accept-all')
  const good = Cookies.get('soglasie')!
  const now = Date.now()
  const other = parseConfig(config({ revision: 2 }))!.model!
  const fewer = parseConfig({ ...config(), services: {} })!.model!
  const bad = [
    undefined,
    '',
    'garbage',
    '{"analytics":true}',
    good.replace(/^1\./, '0.'),
    good.replace(/\.d\./, '.x.'),
    good.replace(/\.d\.[^.]+/, '.d.not-a-uuid'),
    good.replace(/\.(\w+)\.(\w+)\.analytics/, '.zzzzzzzzzzzz.$2.analytics'),
  ]
  for (const value of bad) expect(decode(value, model)).toBeNull()
  expect(decode(good, other)).toBeNull()
  expect(decode(good, fewer)).toBeNull()
  expect(decode(good, model, now + 366 * 86400_000)).toBeNull()
  expect(decode(good, model, now + 364 * 86400_000)).not.toBeNull()
})

test('encode and decode agree', () => {
  connect(model).accept({ marketing: true }, 'custom')
  const consent = $consent.get()
  const back = decode(encode(consent, model), model)!
  expect(back).toEqual({ ...consent, timestamp: new Date(Math.floor(Date.parse(consent.timestamp!) / 1000) * 1000).toISOString() })
})

test('consents handed out cannot be edited in place', () => {
  connect(model).acceptAll('accept-all')
  const consent = $consent.get()
  expect(() => {
    ;(consent.categories as any).analytics = false
  }).toThrow()
})
