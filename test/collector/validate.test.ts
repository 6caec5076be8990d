import { describe, expect, test } from 'vitest'
import { checkReceipt } from '../../collector/src/receipt/validate.js'
import { receipt } from './receipts.js'

const error = (input: unknown) => checkReceipt(input).error

describe('a receipt', () => {
  test('as the widget sends it passes, rebuilt in the schema order', () => {
    const sent = receipt()
    const shuffled = Object.fromEntries(Object.entries(sent).reverse())
    const checked = checkReceipt(shuffled)
    expect(checked.error).toBeUndefined()
    expect(JSON.stringify(checked.receipt)).toBe(JSON.stringify(sent))
  })

  test('may have empty services, null policy fields, an empty user agent, a site-relative policy link', () => {
    expect(error(receipt({ services: {} }))).toBeUndefined()
    expect(error(receipt({ policy: { url: null, version: null, sha256: null } }))).toBeUndefined()
    expect(error(receipt({ policy: { url: '/privacy', version: '1', sha256: null } }))).toBeUndefined()
    expect(error(receipt({ userAgent: '' }))).toBeUndefined()
  })

  test('names the path and what was expected', () => {
    expect(error(receipt({ receiptId: 'abc' }))).toBe('receiptId: expected a UUID, got "abc"')
    expect(error(receipt({ consentId: undefined }))).toBe('consentId: expected a UUID, got nothing')
    expect(error(receipt({ receiptId: '6F9619FF-8B86-4011-B42D-00C04FC964FF' }))).toMatch(/^receiptId: expected a UUID/)
    expect(error(receipt({ schema: 'soglasie.receipt/2' }))).toBe(
      'schema: expected "soglasie.receipt/1", got "soglasie.receipt/2"',
    )
    expect(error(receipt({ event: 'revoked' }))).toBe('event: expected one of "given", "updated", "withdrawn", got "revoked"')
    expect(error(receipt({ method: 1 }))).toMatch(/^method: expected one of "accept-all"/)
    expect(error(receipt({ revision: 0 }))).toBe('revision: expected a whole number from 1, got 0')
    expect(error(receipt({ revision: 1.5 }))).toBe('revision: expected a whole number from 1, got 1.5')
    expect(error(receipt({ categories: { necessary: true, analytics: 'yes' } }))).toBe(
      'categories.analytics: expected true or false, got "yes"',
    )
    expect(error(receipt({ categories: { analytics: true } }))).toBe('categories.necessary: expected true, got nothing')
    expect(error(receipt({ services: { 'bad id!': true } }))).toBe(
      'services."bad id!": expected an id of 1 to 40 Latin letters, digits, "-" or "_"',
    )
    expect(error(receipt({ services: [] }))).toBe('services: expected an object, got []')
    expect(error(receipt({ policy: { url: 'javascript:alert(1)', version: null, sha256: null } }))).toMatch(
      /^policy\.url: expected an http\(s\) or site-relative URL, or null/,
    )
    expect(error(receipt({ policy: { url: null, version: null, sha256: 'ABC' } }))).toMatch(/^policy\.sha256: expected a SHA-256/)
    expect(error(receipt({ consentText: { sha256: 'b'.repeat(64), language: 'de' } }))).toBe(
      'consentText.language: expected one of "ru", "en", got "de"',
    )
    expect(error(receipt({ consentText: { language: 'ru' } }))).toMatch(/^consentText\.sha256: expected a SHA-256 .* got nothing$/)
  })

  test('has no keys the schema does not name, at any level', () => {
    expect(error(receipt({ extra: 1 }))).toMatch(/^extra: unexpected key \(expected only schema, receiptId/)
    expect(error(receipt({ policy: { url: null, version: null, sha256: null, markdown: 'x' } }))).toMatch(
      /^policy\.markdown: unexpected key/,
    )
    expect(error(receipt({ consentText: { sha256: 'b'.repeat(64), language: 'ru', text: 'x' } }))).toMatch(
      /^consentText\.text: unexpected key/,
    )
  })

  test('has a real UTC time', () => {
    expect(error(receipt({ timestamp: '2026-11-25T10:00:00Z' }))).toBeUndefined()
    expect(error(receipt({ timestamp: '2026-11-25T13:00:00+03:00' }))).toMatch(/^timestamp: expected an ISO 8601 UTC time/)
    expect(error(receipt({ timestamp: '2026-02-30T10:00:00.000Z' }))).toMatch(/^timestamp: expected/)
    expect(error(receipt({ timestamp: 1764064800000 }))).toMatch(/^timestamp: expected/)
  })

  test('has a page without query or hash: they may carry personal data', () => {
    expect(error(receipt({ page: 'https://www.example.ru/?utm_source=x' }))).toMatch(/^page: expected an http\(s\) URL without query or hash/)
    expect(error(receipt({ page: 'https://www.example.ru/#top' }))).toMatch(/^page: /)
    expect(error(receipt({ page: 'ftp://example.ru/' }))).toMatch(/^page: /)
  })

  test('has bounded strings', () => {
    expect(error(receipt({ userAgent: 'x'.repeat(1000) }))).toBeUndefined()
    expect(error(receipt({ userAgent: 'x'.repeat(1001) }))).toBe(
      'userAgent: expected a string of 0 to 1000 characters, got 1001 characters',
    )
    expect(error(receipt({ page: `https://www.example.ru/${'a'.repeat(2000)}` }))).toMatch(/^page: .* got 2023 characters$/)
  })

  test('is a JSON object', () => {
    expect(error([1])).toBe('body: expected a JSON object, got [1]')
    expect(error(null)).toBe('body: expected a JSON object, got null')
  })
})
