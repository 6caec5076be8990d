import {
  CONSENT_EVENTS,
  CONSENT_METHODS,
  RECEIPT_SCHEMA,
  TEXT_LANGUAGES,
  UUID_V4,
  type Receipt,
} from './types.js'

export type Checked = { receipt: Receipt; error?: undefined } | { receipt?: undefined; error: string }

/**
 * The receipt in `input`, rebuilt key by key in a fixed order, or the first problem as
 * `path: what was expected, got what`. Rebuilding (rather than passing `input` on) means nothing the
 * schema does not name can reach the store.
 */
export function checkReceipt(input: unknown): Checked {
  try {
    return { receipt: receipt(input) }
  } catch (problem) {
    if (problem instanceof Invalid) return { error: problem.message }
    throw problem
  }
}

// Same rule as the widget's config ids (src/config/shape.ts).
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/
const SHA256 = /^[0-9a-f]{64}$/
const HEX64 = 'a SHA-256 as 64 lowercase hex digits'
// Client time as `Date.prototype.toISOString` writes it; fractions of other lengths are still ISO 8601 UTC.
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/
// The widget's config allows absolute http(s) or site-relative policy links.
const POLICY_URL = /^(https?:\/\/|\/)\S*$/

class Invalid extends Error {}

function receipt(input: unknown): Receipt {
  const body = object(input, '', [
    'schema',
    'receiptId',
    'consentId',
    'event',
    'method',
    'timestamp',
    'categories',
    'services',
    'revision',
    'policy',
    'consentText',
    'page',
    'userAgent',
  ])
  if (body.schema !== RECEIPT_SCHEMA) fail('schema', `expected "${RECEIPT_SCHEMA}"`, body.schema)
  return {
    schema: RECEIPT_SCHEMA,
    receiptId: uuid(body.receiptId, 'receiptId'),
    consentId: uuid(body.consentId, 'consentId'),
    event: oneOf(body.event, 'event', CONSENT_EVENTS),
    method: oneOf(body.method, 'method', CONSENT_METHODS),
    timestamp: timestamp(body.timestamp, 'timestamp'),
    categories: categories(body.categories, 'categories'),
    services: choices(body.services, 'services'),
    revision: revision(body.revision, 'revision'),
    policy: policy(body.policy, 'policy'),
    consentText: consentText(body.consentText, 'consentText'),
    page: page(body.page, 'page'),
    userAgent: text(body.userAgent, 'userAgent', { min: 0, max: 1000 }),
  }
}

function policy(value: unknown, path: string): Receipt['policy'] {
  const fields = object(value, path, ['url', 'version', 'sha256'])
  const url = { max: 2000, pattern: POLICY_URL, what: 'an http(s) or site-relative URL, or null' }
  return {
    url: fields.url === null ? null : text(fields.url, `${path}.url`, url),
    version: fields.version === null ? null : text(fields.version, `${path}.version`, { max: 200, what: 'a string of 1 to 200 characters, or null' }),
    sha256: fields.sha256 === null ? null : sha256(fields.sha256, `${path}.sha256`, `${HEX64}, or null`),
  }
}

function consentText(value: unknown, path: string): Receipt['consentText'] {
  const fields = object(value, path, ['sha256', 'language'])
  return {
    sha256: sha256(fields.sha256, `${path}.sha256`),
    language: oneOf(fields.language, `${path}.language`, TEXT_LANGUAGES),
  }
}

function object(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path || 'body', path ? 'expected an object' : 'expected a JSON object', value)
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(join(path, key), `unexpected key (expected only ${keys.join(', ')})`)
  }
  return value as Record<string, unknown>
}

/** `necessary` is always on, so a receipt without it was not made by the widget. */
function categories(value: unknown, path: string): Record<string, boolean> {
  const chosen = choices(value, path)
  if (chosen.necessary !== true) fail(`${path}.necessary`, 'expected true', chosen.necessary)
  return chosen
}

/** Categories or services: id → allowed. The widget lists refusals too, so `false` is as good as `true`. */
function choices(value: unknown, path: string): Record<string, boolean> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object', value)
  const out: Record<string, boolean> = {}
  for (const [id, allowed] of Object.entries(value)) {
    if (!ID.test(id)) fail(join(path, id), 'expected an id of 1 to 40 Latin letters, digits, "-" or "_"')
    if (typeof allowed !== 'boolean') fail(join(path, id), 'expected true or false', allowed)
    out[id] = allowed
  }
  return out
}

interface TextRule {
  max: number
  min?: number
  pattern?: RegExp
  /** What a valid value is, when more than a length. */
  what?: string
}

function text(value: unknown, path: string, rule: TextRule): string {
  const min = rule.min ?? 1
  const expected = rule.what ?? `a string of ${min} to ${rule.max} characters`
  if (typeof value !== 'string') fail(path, `expected ${expected}`, value)
  if (value.length < min || value.length > rule.max) fail(path, `expected ${expected}, got ${value.length} characters`)
  if (rule.pattern && !rule.pattern.test(value)) fail(path, `expected ${expected}`, value)
  return value
}

function uuid(value: unknown, path: string): string {
  return text(value, path, { max: 36, pattern: UUID_V4, what: 'a UUID' })
}

function sha256(value: unknown, path: string, what = HEX64): string {
  return text(value, path, { max: 64, pattern: SHA256, what })
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (!options.includes(value as T)) fail(path, `expected one of ${options.map((o) => `"${o}"`).join(', ')}`, value)
  return value as T
}

function timestamp(value: unknown, path: string): string {
  const expected = 'an ISO 8601 UTC time like "2026-11-25T10:00:00.000Z"'
  const parts = typeof value === 'string' ? ISO_UTC.exec(value) : null
  if (!parts) fail(path, `expected ${expected}`, value)
  // `Date` rolls 30 February over into March; a real time reads back the same fields.
  const fields = parts.slice(1, 7).map(Number)
  const [year, month, day, hour, minute, second] = fields as [number, number, number, number, number, number]
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  const back = [
    time.getUTCFullYear(),
    time.getUTCMonth() + 1,
    time.getUTCDate(),
    time.getUTCHours(),
    time.getUTCMinutes(),
    time.getUTCSeconds(),
  ]
  if (back.some((field, i) => field !== fields[i])) fail(path, `expected ${expected}`, value)
  return parts[0]
}

function revision(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) fail(path, 'expected a whole number from 1', value)
  return value as number
}

/** Origin and path only: a query string or a hash may carry personal data, so the widget drops them. */
function page(value: unknown, path: string): string {
  const rule = { max: 2000, pattern: /^https?:\/\/[^?#\s]+$/, what: 'an http(s) URL without query or hash' }
  const url = text(value, path, rule)
  if (!URL.canParse(url)) fail(path, `expected ${rule.what}`, url)
  return url
}

function join(path: string, key: string): string {
  const name = /^[\w$-]+$/.test(key) ? key : JSON.stringify(key)
  return path ? `${path}.${name}` : name
}

function fail(path: string, expected: string, ...got: unknown[]): never {
  throw new Invalid(got.length ? `${path}: ${expected}, got ${show(got[0])}` : `${path}: ${expected}`)
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 60 ? text.slice(0, 57) + '...' : text
}
