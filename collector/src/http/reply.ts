import type { ServerResponse } from 'node:http'

/** A JSON answer. Receipts are personal data: nothing the collector says may sit in a cache. */
export function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body)
  response
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      // Known up front, so the answer goes out in one piece rather than chunked.
      'content-length': String(Buffer.byteLength(text)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    })
    .end(text)
}
