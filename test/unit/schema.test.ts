import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020'
import { expect, test } from 'vitest'
import { validate } from '../../src/config/validate'
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
