import { randomUUID } from 'node:crypto'

/** A receipt as the widget sends it, with fresh ids; `changes` replace top-level fields. */
export function receipt(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'soglasie.receipt/1',
    receiptId: randomUUID(),
    consentId: randomUUID(),
    event: 'given',
    method: 'custom',
    timestamp: '2026-11-25T10:00:00.000Z',
    categories: { necessary: true, analytics: true, marketing: false },
    services: { 'yandex-metrica': true, 'vk-ads': false },
    revision: 1,
    policy: { url: 'https://www.example.ru/privacy', version: '2025-09-01', sha256: 'a'.repeat(64) },
    consentText: { sha256: 'b'.repeat(64), language: 'ru' },
    page: 'https://www.example.ru/catalog/',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    ...changes,
  }
}

export const TOKEN = 'test-token-0123456789abcdef'

export const EXAMPLE_ORIGIN = 'https://www.example.ru'

/** POSTs a receipt (or any text) the way the widget does, from the example site unless told otherwise. */
export function send(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v1/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: EXAMPLE_ORIGIN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** GET with the collector token. */
export function read(base: string, path: string): Promise<Response> {
  return fetch(base + path, { headers: { authorization: `Bearer ${TOKEN}` } })
}
