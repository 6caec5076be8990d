import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Whether the request carries the token: `Authorization: Bearer <token>` for scripts, or HTTP Basic
 * with the token as password (any user name) so a browser can open the DPO page and the export links
 * without the token ever sitting in a URL, a log or the history.
 */
export function hasToken(request: IncomingMessage, token: string): boolean {
  const [scheme = '', credentials = ''] = (request.headers.authorization ?? '').trim().split(/\s+/, 2)
  const given = /^bearer$/i.test(scheme)
    ? credentials
    : /^basic$/i.test(scheme)
      ? Buffer.from(credentials, 'base64').toString('utf8').replace(/^[^:]*:/, '')
      : undefined
  if (given === undefined) return false
  // Equal-length digests, compared in constant time: the answer's timing tells nothing about the token.
  return timingSafeEqual(digest(given), digest(token))
}

/** Both schemes, so a browser asks for the token and a script knows to send it. */
export const CHALLENGES = ['Bearer realm="soglasie"', 'Basic realm="soglasie", charset="UTF-8"']

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}
