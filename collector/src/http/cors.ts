import type { ServerResponse } from 'node:http'

export type Origins = readonly string[] | '*'

/** Whether a browser on `origin` may send receipts. */
export function allowsOrigin(origins: Origins, origin: string): boolean {
  return origins === '*' || origins.includes(origin.toLowerCase())
}

/**
 * The widget's fetch is cross-origin and sends JSON, so the browser preflights it and reads the answer
 * only with these headers. The origin is echoed rather than `*` so one list rules both, and `Vary: Origin`
 * keeps a cache from serving one site's answer to another.
 */
export function corsHeaders(response: ServerResponse, origin: string) {
  response.setHeader('access-control-allow-origin', origin)
  response.setHeader('vary', 'Origin')
}

export function preflightHeaders(response: ServerResponse, origin: string) {
  corsHeaders(response, origin)
  response.setHeader('access-control-allow-methods', 'POST')
  response.setHeader('access-control-allow-headers', 'Content-Type')
  response.setHeader('access-control-max-age', '86400')
}

/** `https://Example.RU:443/` → `https://example.ru`, as browsers send it; throws on anything but an origin. */
export function normalOrigin(text: string): string {
  const url = URL.canParse(text.trim()) ? new URL(text.trim()) : undefined
  const bare = url && /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash && !url.username
  if (!bare) throw new Error(`allowed origin "${text}": expected scheme://host[:port], like https://www.example.ru`)
  return url.origin
}
