import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test } from 'vitest'
import Cookies from 'js-cookie'
import { parseConfig } from '../../src/config/validate'
import type { Model } from '../../src/config/model'
import type { Config } from '../../src/config/types'
import { $consent, connect, type ConsentActions } from '../../src/consent/store'
import { Preferences } from '../../src/ui/dialogs/preferences'
import { ru, ruDialogs } from '../../src/texts/ru'
import { config } from './fixtures'

let model: Model
let actions: ConsentActions
let closed = 0

beforeEach(() => {
  const c = config()
  c.services!['yandex-metrica']!.title = 'Яндекс Метрика'
  c.services!.ga = { category: 'analytics', title: 'Google Analytics', processor: { name: 'Google LLC', country: 'US' }, cookies: ['_ga', '_ga_*'] }
  model = parseConfig(c).model!
  actions = connect(model)
  closed = 0
})
afterEach(() => {
  cleanup()
  Cookies.remove('soglasie')
})

const show = () =>
  render(<Preferences model={model} texts={{ ...ru, ...ruDialogs }} consent={$consent.get()} actions={actions} close={() => closed++} />)
const toggle = (name: string) => screen.getByRole('switch', { name: new RegExp(`^${name}`) }) as HTMLInputElement

test('one switch per category and per service, nothing optional ticked, necessary locked on', () => {
  show()
  expect(screen.getAllByRole('switch').map((s) => [s.getAttribute('name'), (s as HTMLInputElement).checked])).toEqual([
    ['necessary', true],
    ['amocrm', true],
    ['analytics', false],
    ['yandex-metrica', false],
    ['ga', false],
    ['marketing', false],
    ['vk-ads', false],
  ])
  expect(toggle('Необходимые').disabled).toBe(true)
  expect(toggle('Аналитика').disabled).toBe(false)
})

test('a service discloses its processor, country, cookies; a foreign one is marked cross-border', () => {
  const { container } = show()
  const ga = screen.getByRole('switch', { name: 'Google Analytics' }).closest('li')!
  expect(ga.textContent).toContain('Google LLC')
  expect(ga.textContent).toContain('US (трансграничная передача)')
  expect(ga.textContent).toContain('_ga, _ga_*')
  expect(container.textContent).toContain('АО «Амоцрм»')
})

/** The preferences for a config whose services are these. */
const showServices = (services: Config['services']) => {
  model = parseConfig(config({ services })).model!
  actions = connect(model)
  show()
}
const disclosure = (title: string) => screen.getByRole('switch', { name: title }).closest('li')!

test('a preset discloses its own processor, purpose, policy link and cookies when the config does not', () => {
  showServices({ 'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: 1 } } })
  const metrica = disclosure('Яндекс Метрика')
  expect(metrica.textContent).toContain('ООО «Яндекс»')
  expect(metrica.textContent).toContain('RU')
  expect(metrica.textContent).toContain('Веб-аналитика: статистика посещений и действий на сайте')
  expect(metrica.textContent).toContain('_ym_*')
  expect(within(metrica).getByRole('link').getAttribute('href')).toBe('https://yandex.ru/legal/confidential/')
})

test('a preset abroad is marked cross-border by its own country', () => {
  showServices({ ga: { category: 'analytics', preset: 'google-analytics', options: { id: 'G-ABC123' } } })
  const ga = disclosure('Google Analytics')
  expect(ga.textContent).toContain('Google LLC')
  expect(ga.textContent).toContain('US (трансграничная передача)')
  expect(ga.textContent).toContain('_ga, _ga_*, _gid')
  expect(within(ga).getByRole('link').getAttribute('href')).toBe('https://policies.google.com/privacy')
})

test('the config’s processor and cookies replace the preset’s, each as a whole', () => {
  showServices({
    'yandex-metrica': {
      category: 'analytics',
      preset: 'yandex-metrica',
      options: { id: 1 },
      processor: { name: 'ООО «Пример»', purpose: 'Своя аналитика' },
      cookies: ['_ym_uid'],
    },
  })
  const metrica = disclosure('Яндекс Метрика')
  expect(metrica.textContent).toContain('ООО «Пример»')
  expect(metrica.textContent).toContain('Своя аналитика')
  expect(metrica.textContent).toContain('_ym_uid')
  for (const preset of ['ООО «Яндекс»', 'Веб-аналитика', '_ym_*', 'RU']) expect(metrica.textContent).not.toContain(preset)
  expect(within(metrica).queryByRole('link')).toBeNull()
})

test('a category switches its services; one can then be refused; Save stores exactly that', () => {
  show()
  fireEvent.click(toggle('Аналитика'))
  expect(toggle('Яндекс Метрика').checked).toBe(true)
  expect(toggle('Google Analytics').checked).toBe(true)
  fireEvent.click(toggle('Яндекс Метрика'))
  fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }))
  expect($consent.get()).toMatchObject({
    decided: true,
    categories: { analytics: true, marketing: false },
    services: { 'yandex-metrica': false, ga: true, 'vk-ads': false, amocrm: true },
  })
  expect(closed).toBe(1)
})

test('a returning visitor sees their current choice', () => {
  actions.accept({ marketing: true }, 'custom')
  show()
  expect(toggle('Реклама').checked).toBe(true)
  expect(toggle('Аналитика').checked).toBe(false)
})

test('accept all and reject all decide and close', () => {
  show()
  fireEvent.click(screen.getByRole('button', { name: 'Принять все' }))
  expect($consent.get().categories).toEqual({ necessary: true, analytics: true, marketing: true })
  fireEvent.click(screen.getByRole('button', { name: 'Отклонить все' }))
  expect($consent.get().categories).toEqual({ necessary: true, analytics: false, marketing: false })
  expect(closed).toBe(2)
})
