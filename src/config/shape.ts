import type { Texts } from '../texts/ru'

// The config's shape, written once as a subset of JSON Schema. The runtime validator walks it and
// `schema.json` is generated from it (plus the texts in scripts/schema-docs.ts), so the published
// schema and what the widget accepts cannot drift apart. `types.ts` is checked against it at compile time.

export type Shape =
  | { type: 'string'; enum?: readonly string[]; pattern?: string; minLength?: number }
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'boolean' }
  | { type: 'array'; items: Shape }
  | { type: 'object'; properties: Readonly<Record<string, Shape>>; required?: readonly string[] }
  | { type: 'object'; additionalProperties: Shape; propertyNames: { pattern: string } }
  | { type: 'object'; free: true }

export const ID = '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'
// Absolute http(s) or site-relative: rules out `javascript:` and `data:` links from a config.
const URL_ = '^(https?://|/)\\S*$'

const string = { type: 'string', minLength: 1 } as const
const url = { type: 'string', pattern: URL_ } as const
const boolean = { type: 'boolean' } as const

export const presetIds = [
  'yandex-metrica', 'vk-ads', 'vk-retargeting', 'top-mail-ru', 'mango-office', 'salebot', 'marquiz',
  'bothelp', 'amocrm', 'sendsay', 'yandex-forms', 'google-analytics',
] as const

const processor = {
  type: 'object',
  properties: {
    name: string,
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    purpose: string,
    policyUrl: url,
    address: string,
  },
  required: ['name'],
} as const

// Every interface text can be overridden per language; unknown text keys are typos like any other.
// The names are listed here rather than read off the dictionaries, so the first script does not carry
// the dialogs' texts; types.ts proves the list equals the dictionaries' keys.
const TEXT_KEYS = (
  'bannerTitle bannerText policyLink consentLink acceptAll reject customize cookieButton placeholderText load reloaded ' +
  'necessary analytics ' +
  'marketing functional preferencesTitle preferencesText alwaysOn save rejectAll close processor country purpose ' +
  'cookies policy crossBorder policyTitle necessaryText analyticsText marketingText functionalText'
).split(' ') as (keyof Texts)[]
const texts = {
  type: 'object',
  properties: Object.fromEntries(TEXT_KEYS.map((key) => [key, string])) as { [K in keyof Texts]: typeof string },
} as const

const category = {
  type: 'object',
  properties: { enabled: boolean, title: string, description: string },
} as const

const service = {
  type: 'object',
  properties: {
    enabled: boolean,
    category: { type: 'string', pattern: ID },
    title: string,
    preset: { type: 'string', enum: presetIds },
    options: { type: 'object', free: true },
    src: url,
    code: string,
    cookies: { type: 'array', items: { type: 'string', pattern: '^[^\\s;,=]+$' } },
    processor,
  },
  required: ['category'],
} as const

export const configShape = {
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    revision: { type: 'integer', minimum: 1 },
    language: { type: 'string', enum: ['ru', 'en', 'auto'] },
    operator: {
      type: 'object',
      properties: {
        name: string,
        inn: { type: 'string', pattern: '^(\\d{10}|\\d{12})$' },
        ogrn: { type: 'string', pattern: '^(\\d{13}|\\d{15})$' },
        address: string,
        email: { type: 'string', pattern: '^[^\\s@]+@[^\\s@]+$' },
        phone: string,
      },
      required: ['name'],
    },
    policy: {
      type: 'object',
      properties: { url, version: string, markdown: string },
    },
    consentDocument: {
      type: 'object',
      properties: { url, version: string },
    },
    cookie: {
      type: 'object',
      properties: {
        name: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
        domain: { type: 'string', pattern: '^\\.?[a-z0-9-]+(\\.[a-z0-9-]+)*$' },
        path: { type: 'string', pattern: '^/' },
        expiresDays: { type: 'integer', minimum: 1, maximum: 3650 },
      },
    },
    receipts: {
      type: 'object',
      properties: { endpoint: url },
    },
    texts: { type: 'object', properties: { ru: texts, en: texts } },
    autoBlock: boolean,
    ui: {
      type: 'object',
      properties: {
        position: { type: 'string', enum: ['bar', 'box', 'center'] },
        theme: { type: 'string', enum: ['light', 'dark', 'auto'] },
        button: boolean,
      },
    },
    categories: { type: 'object', additionalProperties: category, propertyNames: { pattern: ID } },
    services: { type: 'object', additionalProperties: service, propertyNames: { pattern: ID } },
  },
  required: ['operator', 'policy'],
} as const

/** The TypeScript type a shape describes; `types.ts` must equal it (see the check there). */
export type Infer<S> = S extends { type: 'string'; enum: readonly (infer E)[] }
  ? E
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'integer' }
      ? number
      : S extends { type: 'boolean' }
        ? boolean
        : S extends { type: 'array'; items: infer I }
          ? Infer<I>[]
          : S extends { free: true }
            ? Record<string, unknown>
            : S extends { additionalProperties: infer V }
              ? Record<string, Infer<V>>
              : S extends { properties: infer P }
                ? InferObject<P, S extends { required: readonly (infer R)[] } ? R : never>
                : never

type InferObject<P, R> = Flat<
  { -readonly [K in keyof P & R]: Infer<P[K]> } & { -readonly [K in Exclude<keyof P, R>]?: Infer<P[K]> }
>
type Flat<T> = { [K in keyof T]: T[K] }
