import { reply } from '../http/reply.js'
import { UUID_V4 } from '../receipt/types.js'
import { published } from '../row.js'
import type { Endpoint } from './context.js'

/** GET /v1/receipts?consentId=…: every receipt of one browser's consent, for a data subject's request. */
export const query: Endpoint = async ({ response, url, store }) => {
  const consentId = url.searchParams.get('consentId') ?? ''
  if (!UUID_V4.test(consentId)) {
    return reply(response, 400, { error: `consentId: expected a UUID, got ${JSON.stringify(consentId)}` })
  }
  reply(response, 200, (await store.byConsent(consentId)).map(published))
}
