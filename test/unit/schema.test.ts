import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020'
import { expect, test } from 'vitest'
import { presetIds } from '../../src/config/shape'
import type { PresetId } from '../../src/config/types'
import { validate } from '../../src/config/validate'
import { presets } from '../../src/presets/index'
import { jsonSchema } from '../../scripts/schema'
import { config } from './fixtures'

const published = JSON.parse(readFileSync('schema.json', 'utf8'))
const ajv = new Ajv2020({ allErrors: true, strict: true })
const schemaAccepts = ajv.compile(published)

test('the published schema.json is the one the validator walks (run `npm run build` to refresh it)', () => {
  expect(published).toEqual(jsonSchema())
})

test('every key has a description for editors', () => {
  const undocumented: string[] = []
  const visit = (node: any, path: string) => {
    if (path && !node.description) undocumented.push(path)
    for (const [key, inner] of Object.entries(node.properties ?? {})) visit(inner, path ? `${path}.${key}` : key)
    if (typeof node.additionalProperties === 'object') visit(node.additionalProperties, `${path}.*`)
    if (node.items) visit(node.items, `${path}[]`)
    // A preset's options sit in `allOf`: `if` the preset is this one, `then` its options are these.
    for (const { if: when, then } of node.allOf ?? []) {
      for (const [key, inner] of Object.entries(then.properties.options.properties)) {
        visit(inner, `${path}.options.${key} (${when.properties.preset.const})`)
      }
    }
  }
  visit(published, '')
  expect(undocumented).toEqual([])
})

// Configs the shape alone decides on (cross-key checks are the validator's own and not in JSON Schema).
const cases: [string, unknown][] = [
  ['contract example', config()],
  ['minimal', { operator: { name: 'ИП' }, policy: { url: '/privacy' } }],
  ['unknown top key', { ...config(), titel: 1 }],
  ['unknown nested key', { ...config(), cookie: { nmae: 'x' } }],
  ['wrong language', { ...config(), language: 'de' }],
  ['revision 0', { ...config(), revision: 0 }],
  ['fractional revision', { ...config(), revision: 1.5 }],
  ['bad inn', { ...config(), operator: { name: 'x', inn: '12' } }],
  ['javascript: url', { ...config(), policy: { url: 'javascript:alert(1)' } }],
  ['bad id', { ...config(), categories: { 'a b': { title: 'x' } } }],
  ['unknown preset', { ...config(), services: { x: { category: 'analytics', preset: 'metrica' } } }],
  ['missing category', { ...config(), services: { x: { title: 'x' } } }],
  ['cookies not a list', { ...config(), services: { x: { category: 'analytics', cookies: '_ym*' } } }],
  ['missing operator', { policy: { url: '/p' } }],
  ['empty title', { ...config(), categories: { analytics: { title: '' } } }],
]

test.each(cases)('schema.json and the validator agree: %s', (_, input) => {
  expect(schemaAccepts(input)).toBe(validate(input).length === 0)
})

test('the demo config passes schema.json, preset options included', () => {
  expect(schemaAccepts(JSON.parse(readFileSync('demo/soglasie.config.json', 'utf8')))).toBe(true)
})

// Valid options of each preset; every case below is one of these with one option changed or dropped.
const valid: Record<PresetId, Record<string, unknown>> = {
  'yandex-metrica': { id: 12345678, webvisor: true, ecommerce: 'dataLayer' },
  'vk-ads': { id: '3456789' },
  'vk-retargeting': { id: 'VK-RTRG-123456-AbCdE' },
  'top-mail-ru': { id: 3456789 },
  'mango-office': { id: 12345, mode: 'multichannel' },
  salebot: { onlineChatId: '1584' },
  marquiz: { id: '5f0c8e9a1b2c3d4e5f6a7b8c', region: 'eu' },
  bothelp: { widget: { buttons: [{ type: 'telegram', token: 't' }] } },
  amocrm: { id: '123456', hash: 'abc', locale: 'en' },
  sendsay: { form: 'https://sendsay.ru/form/login/1' },
  'yandex-forms': {},
  'google-analytics': { id: 'G-ABC123' },
}

// Values near every rule's edges: numbers and digit strings as ids, patterns, enums, wrong types.
const values: unknown[] = [
  1, 12345678, 0, -5, 1.5, 9007199254740991, 9007199254740992, '1', '12345678', '0012', '0', '-1', '1.5', '12a', '',
  ' ', '\n\t', 'abc', '999999999999999', '1234567890123456', true, false, null, [], [1], {}, { a: 1 }, 'G-ABC123',
  'G-abc', 'UA-1234-1', 'VK-RTRG-123456-AbCdE', 'VK-RTRG-1-', 'vk-rtrg-1-a', 'ru', 'eu', 'en', 'RU', 'calltracking',
  'multichannel', 'chat', 'dataLayer', '$shop_1', 'data layer', '1abc', 'https://sendsay.ru/form/x_123/1',
  'https://sendsay.ru/form/x/1/', 'https://sendsay.ru/form/x/1/2', 'http://sendsay.ru/form/x/1',
  'https://sendsay.ru/form/a b/1',
]

function optionCases(id: PresetId): [string, Record<string, unknown> | undefined][] {
  const base = valid[id]
  const cases: [string, Record<string, unknown> | undefined][] = [
    ['valid', base],
    ['no options key', undefined],
    ['empty', {}],
    ['unknown key', { ...base, foo: 1 }],
  ]
  for (const key of Object.keys(presets[id].options)) {
    const { [key]: _, ...without } = base
    cases.push([`without ${key}`, without])
    for (const value of values) cases.push([`${key}: ${JSON.stringify(value)}`, { ...base, [key]: value }])
  }
  return cases
}

const withService = (id: PresetId, options: Record<string, unknown> | undefined) => ({
  ...config(),
  services: { s: { category: 'analytics', preset: id, ...(options === undefined ? {} : { options }) } },
})

test.each(presetIds)('%s options: schema.json and the preset’s check agree', (id) => {
  const verdicts = optionCases(id).map(([name, options]) => ({
    name,
    check: presets[id].check(options ?? {}).length === 0,
    schema: schemaAccepts(withService(id, options)),
  }))
  expect(verdicts.filter((v) => v.check !== v.schema)).toEqual([])
  // Not a vacuous agreement: the cases hold options of both kinds.
  expect(new Set(verdicts.map((v) => v.check))).toEqual(new Set([true, false]))
})

test('hover texts for each preset option', () => {
  const options = published.properties.services.additionalProperties.allOf.find(
    (branch: any) => branch.if.properties.preset.const === 'yandex-metrica',
  ).then.properties.options
  expect(options.required).toEqual(['id'])
  expect(options.additionalProperties).toBe(false)
  expect(options.properties.id.description).toMatch(/Counter number/)
  expect(options.properties.webvisor).toMatchObject({ type: 'boolean', description: expect.stringContaining('Webvisor') })
})

test('docs/config.md is the reference generated from the current schema.json', async () => {
  const { configReference } = await import('../../scripts/config-reference')
  const committed = readFileSync('docs/config.md', 'utf8')
  expect(committed, 'run npm run build and commit docs/config.md').toBe(configReference(published))
  // Every key of the schema is in it.
  for (const path of ['operator.inn', 'services.*.options', 'categories.*.title', 'texts.ru.bannerText', 'ui.theme']) {
    expect(committed).toContain(`| \`${path}\` |`)
  }
})
