// The configurator's form over the draft store: typing edits the JSON, the widget's lines appear at
// their fields with the ARIA that ties them there, and the summary links to those fields.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { FormProvider } from '../../demo/configurator/app'
import { $config, load } from '../../demo/configurator/draft'
import { CategoriesSection, GeneralSection, ServicesSection } from '../../demo/configurator/form'
import { Summary } from '../../demo/configurator/summary'
import { tildaTemplate } from '../../demo/configurator/template'

beforeEach(() => {
  load(tildaTemplate())
  render(
    <FormProvider>
      <Summary />
      <GeneralSection />
      <CategoriesSection />
      <ServicesSection />
    </FormProvider>,
  )
})
afterEach(cleanup)

const byId = (id: string) => document.getElementById(id) as HTMLInputElement
/** What a screen reader reads after the field's name: its hint and its errors. */
const described = (element: Element) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ')
const type = (element: Element, value: string) => fireEvent.input(element, { target: { value } })

test('a field edits the JSON at its path', () => {
  type(byId('f-operator.name'), 'ООО «Ромашка»')
  type(byId('f-services.yandex-metrica.options.id'), '12345678')
  expect($config.get().operator).toEqual({ name: 'ООО «Ромашка»' })
  expect(($config.get().services as any)['yandex-metrica'].options).toEqual({ id: 12345678 })
})

test('the widget’s line shows at its field, and the summary links there', () => {
  const input = byId('f-services.vk-ads.options.id')
  expect(input.getAttribute('aria-invalid')).toBe('true')
  expect(described(input)).toContain('services.vk-ads.options.id: required')

  type(input, '12a')
  const line = 'services.vk-ads.options.id: expected a positive whole number, got "12a"'
  expect(described(input)).toContain(line)
  expect(screen.getByRole('link', { name: line }).getAttribute('href')).toBe('#f-services.vk-ads.options.id')

  type(input, '3456789')
  expect(input.getAttribute('aria-invalid')).toBeNull()
  expect(described(input)).not.toContain('services.vk-ads')
  expect(screen.queryByRole('link', { name: /vk-ads/ })).toBeNull()
})

test('a summary link moves focus to the field', () => {
  fireEvent.click(screen.getByRole('link', { name: 'operator.name: required' }))
  expect(document.activeElement).toBe(byId('f-operator.name'))
})

test('a line about a whole group is shown on its fieldset', () => {
  act(() => load({ ...tildaTemplate(), categories: { necessary: {}, analytics: { titel: 'x' } } }))
  const group = screen.getByRole('group', { name: /^Категория «Аналитика»/ })
  expect(described(group)).toContain('categories.analytics.titel: unknown key; known: enabled, title, description')
})

test('switching a category off writes `enabled: false`; on again removes it', () => {
  const marketing = within(screen.getByRole('group', { name: /^Категория «Реклама»/ })).getByRole('checkbox', { name: 'Категория включена' })
  fireEvent.click(marketing)
  expect(($config.get().categories as any).marketing).toEqual({ enabled: false })
  expect(screen.getByRole('group', { name: /^Сервис «Пиксель VK Рекламы»/ }).textContent).toContain('Категория сервиса выключена')
  fireEvent.click(marketing)
  expect(($config.get().categories as any).marketing).toEqual({})
  // `necessary` cannot be switched off here.
  const necessary = within(screen.getByRole('group', { name: /^Категория «Необходимые»/ })).getByRole('checkbox')
  expect((necessary as HTMLInputElement).disabled).toBe(true)
})

test('a preset is added into its usual category, and removed', () => {
  fireEvent.change(screen.getByLabelText('Что подключить'), { target: { value: 'mango-office' } })
  fireEvent.click(screen.getByRole('button', { name: 'Добавить сервис «Mango Office»' }))
  expect(($config.get().services as any)['mango-office']).toEqual({ category: 'analytics', preset: 'mango-office' })
  expect(described(byId('f-services.mango-office.options.id'))).toContain('services.mango-office.options.id: required')

  fireEvent.click(screen.getByRole('button', { name: 'Удалить сервис «Mango Office»' }))
  expect(Object.keys($config.get().services as object)).toEqual(['tilda', 'yandex-metrica', 'vk-ads'])
})

test('a file loaded later replaces what the fields show', () => {
  type(byId('f-operator.inn'), '12')
  act(() => load({ operator: { name: 'ООО «Тест»', inn: '7806585855' }, policy: { url: '/privacy' } }))
  expect(byId('f-operator.inn').value).toBe('7806585855')
  expect(byId('f-operator.name').value).toBe('ООО «Тест»')
  expect(screen.getByRole('heading', { level: 2, name: 'Ошибок нет' })).toBeTruthy()
})
