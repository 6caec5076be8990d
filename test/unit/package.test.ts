// @vitest-environment node
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

// These read the build: `npm test` builds first.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'))

test('the npm entry has no side effects at import', async () => {
  const before = Object.keys(globalThis)
  const entry = await import(/* @vite-ignore */ new URL('../../dist/index.js', import.meta.url).href)
  // nanostores shares one epoch between its copies on a page through this global: its own design.
  expect(Object.keys(globalThis).filter((key) => key !== 'nanostoresGlobal')).toEqual(before)
  expect(Object.keys(entry).sort()).toEqual(['$banner', '$consent', '$dialog', 'consentText', 'init', 'validate'])
})

test('consentText gives an auditor the banner texts a receipt hashed, from the config alone', async () => {
  const { consentText } = await import(/* @vite-ignore */ new URL('../../dist/index.js', import.meta.url).href)
  const config = {
    operator: { name: 'ООО «Тест»' },
    policy: { url: 'https://example.ru/privacy' },
    categories: { analytics: {} },
    services: { 'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: 1 } } },
  }
  expect(consentText(config, 'ru').split('\n')).toEqual([
    'Мы используем cookie',
    'ООО «Тест» обрабатывает данные о вашем посещении с помощью cookie и сервисов: аналитика. Данные получают: ООО «Яндекс». Необязательные cookie включатся только с вашего согласия.',
    'Политика обработки персональных данных',
    'Принять все',
    'Отклонить',
    'Настроить',
  ])
  expect(consentText(config, 'en').split('\n')[0]).toBe('We use cookies')
  expect(() => consentText({}, 'ru')).toThrow(/operator: required/)
})

test('exports point at files the build made, with types', () => {
  const main = pkg.exports['.']
  for (const file of [main.import, main.types, pkg.exports['./schema.json'], pkg.exports['./soglasie.js']]) {
    expect(() => readFileSync(file)).not.toThrow()
  }
  expect(readFileSync(main.types, 'utf8')).toMatch(/export declare function init\(config: unknown/)
})

test('only preact and nanostores are runtime dependencies', () => {
  // js-cookie was one; see jar.ts and the README for why the one cookie is written by hand.
  expect(Object.keys(pkg.dependencies).sort()).toEqual(['nanostores', 'preact'])
})
