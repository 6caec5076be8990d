import { CHALLENGES, hasToken } from '../http/auth.js'
import { reply } from '../http/reply.js'
import type { Endpoint } from './context.js'

/** Receipts are personal data: reading them takes the operator's token, and without one it is off. */
export function guarded(endpoint: Endpoint): Endpoint {
  return (exchange) => {
    const { request, response, settings } = exchange
    if (settings.token === undefined) {
      return reply(response, 403, { error: 'reading receipts is off: the collector has no token (TOKEN)' })
    }
    if (!hasToken(request, settings.token)) {
      response.setHeader('www-authenticate', CHALLENGES)
      return reply(response, 401, { error: 'Authorization: expected the collector token as Bearer (or as Basic password)' })
    }
    return endpoint(exchange)
  }
}
