import type { ServerResponse } from 'node:http'

/** A JSON answer. Receipts are personal data: nothing the collector says may sit in a cache. */
export function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    })
    .end(JSON.stringify(body))
}
