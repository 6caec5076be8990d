import { reply } from '../http/reply.js'
import type { Endpoint } from './context.js'

/** GET /v1/health: 200 while the store answers, 503 when not; for the proxy's and Docker's checks. */
export const health: Endpoint = async ({ response, store }) => {
  try {
    await store.ping()
    reply(response, 200, { ok: true })
  } catch {
    reply(response, 503, { ok: false })
  }
}
