import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Endpoint } from './endpoints/context.js'
import { dpoPage } from './endpoints/dpo-page.js'
import { exportReceipts } from './endpoints/export.js'
import { guarded } from './endpoints/guard.js'
import { health } from './endpoints/health.js'
import { query } from './endpoints/query.js'
import { preflight, receive } from './endpoints/receive.js'
import { verify } from './endpoints/verify.js'
import { reply } from './http/reply.js'
import type { Settings } from './options.js'
import type { ReceiptStore } from './store/store.js'

const ROUTES: Record<string, Record<string, Endpoint>> = {
  '/v1/receipts': { POST: receive, OPTIONS: preflight, GET: guarded(query) },
  '/v1/export': { GET: guarded(exportReceipts) },
  '/v1/verify': { GET: guarded(verify) },
  '/v1/health': { GET: health },
  '/dpo': { GET: guarded(dpoPage) },
  '/': { GET: ({ response }) => void response.writeHead(302, { location: '/dpo' }).end() },
}

/** Answers one request: the endpoint for its path and method, 404 or 405 otherwise. */
export async function route(request: IncomingMessage, response: ServerResponse, store: ReceiptStore, settings: Settings) {
  const url = new URL(request.url ?? '/', 'http://collector')
  const methods = ROUTES[url.pathname]
  if (!methods) return reply(response, 404, { error: `${url.pathname}: no such endpoint` })
  const endpoint = methods[request.method ?? '']
  if (!endpoint) {
    const allowed = Object.keys(methods).join(', ')
    return reply(response, 405, { error: `${request.method} ${url.pathname}: expected ${allowed}` }, { allow: allowed })
  }
  try {
    await endpoint({ request, response, url, store, settings })
  } catch (error) {
    // The store is the only thing an endpoint waits on, so a failure here is the store's.
    settings.log(`${request.method} ${url.pathname} failed: ${(error as Error).stack ?? error}`)
    if (!response.headersSent) reply(response, 503, { error: 'the receipt store is unavailable; try again later' })
    else response.destroy()
  }
}
