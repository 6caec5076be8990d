import type { ServerResponse } from 'node:http'
import { clientIp } from '../client-ip.js'
import { readBody } from '../http/body.js'
import { allowsOrigin, corsHeaders, preflightHeaders } from '../http/cors.js'
import { reply } from '../http/reply.js'
import { checkReceipt } from '../receipt/validate.js'
import type { Endpoint } from './context.js'

/**
 * POST /v1/receipts: 201 when the receipt is stored, 200 when its receiptId already was (the widget
 * retries until it gets a 2xx). Either answer leaves only after the commit.
 */
export const receive: Endpoint = async ({ request, response, store, settings }) => {
  const origin = request.headers.origin
  if (origin !== undefined) {
    // Browsers would not show a refused site the answer anyway; refusing here also keeps its receipts out.
    if (!allowsOrigin(settings.origins, origin)) return refuseOrigin(response, origin)
    corsHeaders(response, origin)
  }
  const type = request.headers['content-type'] ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return reply(response, 415, { error: `Content-Type: expected application/json, got ${JSON.stringify(type)}` })
  }
  const bytes = await readBody(request, settings.bodyLimit)
  if (bytes === null) return void response.destroy()
  if (!bytes) {
    // The rest of the body is left unread, so the connection cannot carry another request.
    return reply(response, 413, { error: `body: expected at most ${settings.bodyLimit} bytes` }, { connection: 'close' })
  }
  const json = parseJson(bytes)
  if ('error' in json) return reply(response, 400, { error: json.error })
  const checked = checkReceipt(json.value)
  if (checked.error !== undefined) return reply(response, 400, { error: checked.error })

  const { receipt } = checked
  const receivedAt = new Date().toISOString()
  const arrival = {
    receiptId: receipt.receiptId,
    consentId: receipt.consentId,
    receivedAt,
    ip: clientIp(request, settings.clientIp, settings.trustProxy),
    body: JSON.stringify(receipt),
  }
  let outcome
  try {
    outcome = await store.add(arrival)
  } catch (error) {
    settings.log(`receipt ${receipt.receiptId} not stored: ${(error as Error).message}`)
    return reply(response, 503, { error: 'the receipt store is unavailable; send again later' }, { 'retry-after': '5' })
  }
  if (outcome === 'repeat') return reply(response, 200, { receiptId: receipt.receiptId, status: 'repeat' })
  reply(response, 201, { receiptId: receipt.receiptId, status: 'stored', receivedAt })
}

/** OPTIONS /v1/receipts: the browser's preflight before the widget's JSON POST. */
export const preflight: Endpoint = ({ request, response, settings }) => {
  const origin = request.headers.origin
  if (origin === undefined) return void response.writeHead(204, { allow: 'POST, OPTIONS' }).end()
  if (!allowsOrigin(settings.origins, origin)) return refuseOrigin(response, origin)
  preflightHeaders(response, origin)
  response.writeHead(204).end()
}

function refuseOrigin(response: ServerResponse, origin: string) {
  reply(response, 403, { error: `Origin: ${JSON.stringify(origin)} is not allowed to send receipts` }, { vary: 'Origin' })
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function parseJson(bytes: Buffer): { value: unknown } | { error: string } {
  if (!bytes.length) return { error: 'body: expected a JSON object, got nothing' }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { error: 'body: expected UTF-8 text' }
  }
  try {
    return { value: JSON.parse(text) }
  } catch (problem) {
    return { error: `body: expected JSON (${(problem as Error).message})` }
  }
}
