import { verifyChain } from '../chain.js'
import { reply } from '../http/reply.js'
import { everyRow } from '../store/store.js'
import type { Endpoint } from './context.js'

/** GET /v1/verify: recomputes the whole hash chain; `{ ok, count, head, firstBadRow?, problem? }`. */
export const verify: Endpoint = async ({ response, store }) => {
  reply(response, 200, await verifyChain(everyRow(store)))
}
