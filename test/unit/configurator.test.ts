// The configurator's state and its reading of the widget's report: the draft store, typed text to JSON,
// error lines to fields, the snippet and what the preview runs.
import { readFileSync } from 'node:fs'
import { beforeEach, expect, test } from 'vitest'
import { display, parse } from '../../demo/configurator/convert'
import { $config, $draft, edit, exportJson, keepDraft, load, remove, setIn, valueAt } from '../../demo/configurator/draft'
import { serviceGroup, targets, type Field } from '../../demo/configurator/fields'
import { check, owner, place, type Problem } from '../../demo/configurator/problems'
import { PREVIEW_COOKIE, previewConfig, previewDocument, tildaSnippet } from '../../demo/configurator/snippet'
import { tildaTemplate } from '../../demo/configurator/template'
import { validate } from '../../src/config/validate'
import { config as validConfig } from './fixtures'
import { optionHints } from '../../demo/configurator/labels'
import { presets } from '../../src/presets/index'
import type { PresetId } from '../../src/config/types'

const demo = readFileSync('demo/soglasie.config.json', 'utf8')

beforeEach(() => load({}))

// ---------------------------------------------------------------------------------------------------
// The draft

test('a loaded file comes back out byte for byte', () => {
  load(JSON.parse(demo))
  expect(JSON.parse(exportJson($config.get()))).toEqual(JSON.parse(demo))
  // The documented format: two-space JSON, LF, a final newline, non-ASCII as it is.
  expect(exportJson({ a: { b: 'ООО «Ромашка»' } })).toBe('{\n  "a": {\n    "b": "ООО «Ромашка»"\n  }\n}\n')
  if (demo === exportJson(JSON.parse(demo))) expect(exportJson($config.get())).toBe(demo)
})

test('an edit keeps every key where it was and adds new ones last', () => {
  load({ $schema: './schema.json', policy: { url: '/p' }, operator: { name: 'A', typo: 1 } })
  edit(['operator', 'name'], 'B')
  edit(['operator', 'inn'], '7800000000')
  expect(JSON.stringify($config.get())).toBe(
    '{"$schema":"./schema.json","policy":{"url":"/p"},"operator":{"name":"B","typo":1,"inn":"7800000000"}}',
  )
})

test('a cleared field removes its key and the objects only it filled, not a category or the required ones', () => {
  load({ operator: { name: 'A' }, policy: { url: '/p' }, categories: { analytics: {} } })
  edit(['cookie', 'domain'], '.example.ru')
  expect($config.get().cookie).toEqual({ domain: '.example.ru' })
  edit(['cookie', 'domain'], undefined)
  expect('cookie' in $config.get()).toBe(false)

  edit(['categories', 'analytics', 'title'], 'Статистика')
  edit(['categories', 'analytics', 'title'], undefined)
  edit(['operator', 'name'], undefined)
  expect($config.get()).toEqual({ operator: {}, policy: { url: '/p' }, categories: { analytics: {} } })

  edit(['services', 'x', 'options', 'id'], 1)
  edit(['services', 'x', 'options', 'id'], undefined)
  expect($config.get().services).toEqual({ x: {} })
})

test('remove takes one key and leaves its parent, even empty', () => {
  load({ operator: { name: 'A' }, policy: {}, services: { x: { category: 'necessary' } } })
  remove(['services', 'x'])
  expect($config.get()).toEqual({ operator: { name: 'A' }, policy: {}, services: {} })
})

test('the baseline is the file as loaded; edits leave it alone', () => {
  load({ operator: { name: 'A' }, policy: {} })
  edit(['operator', 'name'], 'B')
  expect($draft.get().baseline).toEqual({ operator: { name: 'A' }, policy: {} })
  expect(valueAt($draft.get().baseline, ['operator', 'name'])).toBe('A')
  expect(valueAt($config.get(), ['operator', 'name', 'deeper'])).toBeUndefined()
})

test('setIn does not change what it is given', () => {
  const before = { a: { b: 1 } }
  const after = setIn(before, ['a', 'c'], 2)
  expect(before).toEqual({ a: { b: 1 } })
  expect(after).toEqual({ a: { b: 1, c: 2 } })
})

/** A storage of its own per test: earlier tests' listeners keep writing to theirs. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size
    },
  }
}

test('a draft kept in the browser comes back on the next visit, and every edit is kept', () => {
  const kept = { config: { operator: { name: 'ООО «Ромашка»' } }, baseline: { operator: {} } }
  const storage = memoryStorage({ 'soglasie-configurator:draft': JSON.stringify(kept) })
  load(tildaTemplate())
  expect(keepDraft(() => storage)).toBe(true)
  expect($draft.get()).toEqual(kept)

  edit(['policy', 'url'], 'https://example.ru/privacy')
  const saved = JSON.parse(storage.getItem('soglasie-configurator:draft')!)
  expect(saved.config).toEqual({ operator: { name: 'ООО «Ромашка»' }, policy: { url: 'https://example.ru/privacy' } })
  expect(saved.baseline).toEqual({ operator: {} })
})

test('nothing kept, something unreadable or refused storage: the draft stays as loaded, and edits still work', () => {
  const unreadable = ['', 'not json', '[]', '{"config":[],"baseline":{}}', '{"config":{}}']
  for (const text of [undefined, ...unreadable]) {
    load(tildaTemplate())
    const storage = memoryStorage(text === undefined ? {} : { 'soglasie-configurator:draft': text })
    expect(keepDraft(() => storage), String(text)).toBe(false)
    expect($config.get()).toEqual(tildaTemplate())
  }
  load(tildaTemplate())
  const refused = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  }
  expect(keepDraft(refused)).toBe(false)
  edit(['operator', 'name'], 'ООО «Ромашка»')
  expect(valueAt($config.get(), ['operator', 'name'])).toBe('ООО «Ромашка»')
})

// ---------------------------------------------------------------------------------------------------
// Typed text to JSON

const field = (kind: Field['kind'], extra: Partial<Field> = {}): Field => ({ path: ['x'], label: 'x', kind, ...extra })
const positiveId = serviceGroup('m', { category: 'analytics', preset: 'mango-office' }, []).fields.find((f) => f.path.at(-1) === 'id')!

test('what is typed is what the file holds, typed as the option takes it', () => {
  expect(parse(field('text'), '')).toBeUndefined()
  expect(parse(field('integer'), '365')).toBe(365)
  expect(parse(field('integer'), '0365')).toBe('0365')
  expect(parse(field('list'), '_ym_*, tmr_*  _ga')).toEqual(['_ym_*', 'tmr_*', '_ga'])
  expect(parse(positiveId, '12345')).toBe(12345)
  expect(parse(positiveId, '12a')).toBe('12a')
  // Loaded as a string ("3456789" as VK's code quotes it), it stays a string.
  expect(parse(positiveId, '3456780', '3456789')).toBe('3456780')
  expect(display(field('list'), ['a', 'b'])).toBe('a, b')
  expect(display(positiveId, 12345)).toBe('12345')
})

// ---------------------------------------------------------------------------------------------------
// The widget's report, and where each line goes

test('the template asks for what only the site owner knows', () => {
  expect(check(tildaTemplate()).map((p) => p.text)).toEqual([
    'operator.name: required',
    'services.yandex-metrica.options.id: required',
    'services.vk-ads.options.id: required',
  ])
})

test('validator lines first, then each running preset’s options, in the widget’s own words', () => {
  const config = validConfig()
  config.services!['mango-office'] = { category: 'analytics', preset: 'mango-office', options: { id: '12a' } }
  const problems = check(config as never)
  expect(problems).toEqual([
    {
      path: 'services.mango-office.options.id',
      message: 'expected a positive whole number, got "12a"',
      text: 'services.mango-office.options.id: expected a positive whole number, got "12a"',
      fatal: false,
    },
  ])
  // The validator's lines are fatal: the widget then starts nothing.
  const broken = { ...config, operator: { name: 'A', inn: '12' } }
  expect(check(broken as never)[0]).toMatchObject({ path: 'operator.inn', fatal: true })
  expect(check(broken as never).map((p) => p.text)).toEqual([
    ...validate(broken),
    'services.mango-office.options.id: expected a positive whole number, got "12a"',
  ])
})

test('services the widget would not start are not checked: switched off, or in a switched-off category', () => {
  const config = validConfig()
  config.services!['vk-ads']!.options = {}
  config.categories!.marketing!.enabled = false
  expect(check(config as never)).toEqual([])
  config.categories!.marketing!.enabled = true
  config.services!['vk-ads']!.enabled = false
  expect(check(config as never)).toEqual([])
})

const problem = (text: string): Problem => {
  const at = text.indexOf(': ')
  return { path: text.slice(0, at), message: text.slice(at + 2), text, fatal: true }
}

test('a line goes to the deepest field or group its path starts with, by whole keys', () => {
  const config = tildaTemplate()
  const known = new Set(targets(config))
  expect(owner('services.vk-ads.options.id', known)).toBe('services.vk-ads.options.id')
  expect(owner('operator.inn', known)).toBe('operator.inn')
  expect(owner('categories.analytics.titel', known)).toBe('categories.analytics')
  expect(owner('services.tilda.cookies[1]', known)).toBe('services.tilda.cookies')
  expect(owner('services.tilda.processor.nme', known)).toBe('services.tilda')
  expect(owner('policy', known)).toBe('policy')
  expect(owner('services.vk ads', known)).toBe('services')
  // Not a prefix by characters: `operator.name` does not take `operator.names`.
  expect(owner('operator.names', known)).toBe('operator')
  expect(owner('config', known)).toBe('')
  expect(owner('colour', known)).toBe('')
})

test('place groups the lines by where they are shown, in order', () => {
  const lines = ['operator.name: required', 'operator.name: must not be empty', 'colour: unknown key', 'services.vk-ads.options.id: required']
  const placed = place(lines.map(problem), targets(tildaTemplate()))
  expect([...placed].map(([target, problems]) => [target, problems.map((p) => p.message)])).toEqual([
    ['operator.name', ['required', 'must not be empty']],
    ['', ['unknown key']],
    ['services.vk-ads.options.id', ['required']],
  ])
})

test('every line the widget reports for the template and the demo config has a field', () => {
  for (const config of [tildaTemplate(), JSON.parse(demo)]) {
    const known = new Set(targets(config))
    for (const line of check(config)) expect(owner(line.path, known), line.text).toBe(line.path)
  }
})

// ---------------------------------------------------------------------------------------------------
// Snippet and preview

test('the snippet inlines the config so that no text in it can end the script element', () => {
  const config = { policy: { markdown: 'a </script><script>alert(1)</script> <!-- <script>' } }
  const snippet = tildaSnippet(config, 'https://cdn.example.ru/soglasie.js')
  const [first, second] = snippet.split('\n')
  expect(first!.match(/<\/script>/g)).toHaveLength(1)
  expect(first).not.toContain('<!--')
  const json = /^<script type="application\/json" id="soglasie-config">(.*)<\/script>$/.exec(first!)![1]!
  expect(JSON.parse(json)).toEqual(config)
  expect(second).toBe('<script src="https://cdn.example.ru/soglasie.js"></script>')
  expect(tildaSnippet({}, 'https://x.ru/s.js?a=1&b="2"')).toContain('src="https://x.ru/s.js?a=1&amp;b=&quot;2&quot;"')
})

test('the preview runs a valid config without receipts, with its own cookie, and an invalid one as it is', () => {
  const config = {
    ...validConfig(),
    cookie: { name: 'site', domain: '.example.ru', expiresDays: 30 },
    receipts: { endpoint: 'https://consent.example.ru/v1/receipts' },
  }
  config.services!.widget = { category: 'analytics', src: '/js/widget.js' }
  const preview = previewConfig(config as never) as Record<string, any>
  expect(preview.receipts).toBeUndefined()
  expect(preview.cookie).toEqual({ name: PREVIEW_COOKIE })
  expect(preview.services.widget.src).toBe('https://site.invalid/js/widget.js')
  expect(validate(preview)).toEqual([])
  expect({ ...preview, cookie: undefined, services: undefined }).toEqual({ ...config, cookie: undefined, receipts: undefined, services: undefined })

  const invalid = { ...config, operator: {} }
  expect(previewConfig(invalid as never)).toBe(invalid)
})

test('the preview document is the snippet on a blank page, scripts only from the configurator’s folder', () => {
  const html = previewDocument(validConfig() as never, 'http://127.0.0.1:5173/dist/configurator/')
  expect(html).toContain(
    `content="default-src 'none'; script-src http://127.0.0.1:5173/dist/configurator/; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'"`,
  )
  expect(html).toContain(tildaSnippet(previewConfig(validConfig() as never), 'http://127.0.0.1:5173/dist/configurator/soglasie.js'))
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'))
})

test('every preset option has a Russian hint in the form, and only options have one', () => {
  for (const [id, preset] of Object.entries(presets) as [PresetId, (typeof presets)[PresetId]][]) {
    expect(Object.keys(optionHints[id]), id).toEqual(Object.keys(preset.options))
    const fields = serviceGroup('s', { category: 'analytics', preset: id }, []).fields.filter((f) => f.path.includes('options'))
    for (const field of fields) expect(field.hint, field.path.join('.')).toMatch(/[а-яё]/i)
    expect(fields.map((f) => f.path.at(-1))).toEqual(Object.keys(preset.options))
  }
})
