import { expect, test } from 'vitest'
import { matches, SUSPECTS } from '../../src/gate/hosts'
import { presets } from '../../src/presets/index'

test('auto-blocking knows every host of every preset', () => {
  const missing = Object.entries(presets).flatMap(([id, preset]) =>
    preset.hosts.filter((host) => !matches(`https://${host.includes('/') ? host : host + '/x.js'}`, SUSPECTS)).map((h) => `${id}: ${h}`),
  )
  expect(missing).toEqual([])
})

test('a host matches itself and its subdomains, a path prefix only under that path', () => {
  expect(matches('https://mc.yandex.ru/metrika/tag.js', ['mc.yandex.ru'])).toBe(true)
  expect(matches('//mc.yandex.ru/watch/1', ['mc.yandex.ru'])).toBe(true)
  expect(matches('https://a.mc.yandex.ru/x', ['mc.yandex.ru'])).toBe(true)
  expect(matches('https://notmc.yandex.ru/x', ['mc.yandex.ru'])).toBe(false)
  expect(matches('https://mc.yandex.ru.evil.example/x', ['mc.yandex.ru'])).toBe(false)
  expect(matches('https://vk.com/js/api/openapi.js?169', ['vk.com/js/api/'])).toBe(true)
  expect(matches('https://vk.com/feed', ['vk.com/js/api/'])).toBe(false)
  expect(matches('/local.js', ['mc.yandex.ru'])).toBe(false)
  expect(matches('http://[bad', ['mc.yandex.ru'])).toBe(false)
})

test('the processor names the first script knows for each preset are the preset’s own', async () => {
  const { presetProcessors } = await import('../../src/presets/names')
  const own = Object.fromEntries(Object.entries(presets).map(([id, p]) => [id, p.processor.name]))
  expect(presetProcessors).toEqual(own)
})
