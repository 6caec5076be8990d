import { cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test } from 'vitest'
import Cookies from 'js-cookie'
import { parseConfig } from '../../src/config/validate'
import type { Model } from '../../src/config/model'
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
