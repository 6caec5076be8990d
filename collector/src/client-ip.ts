import type { IncomingMessage } from 'node:http'
import { isIP, isIPv4, isIPv6 } from 'node:net'

/** How much of the client's address a receipt keeps: all of it, the network part, or nothing. */
export type IpPolicy = 'full' | 'truncated' | 'none'
export const IP_POLICIES: readonly IpPolicy[] = ['full', 'truncated', 'none']

/**
 * The address stored with a receipt. Behind a reverse proxy the socket's peer is the proxy itself, so
 * with `trustProxy` the address is the last X-Forwarded-For entry: the one the proxy appended, the only
 * one a visitor cannot forge.
 */
export function clientIp(request: IncomingMessage, policy: IpPolicy, trustProxy: boolean): string {
  if (policy === 'none') return ''
  const forwarded = trustProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : ''
  const address = unmapped(forwarded && isIP(forwarded) ? forwarded : (request.socket.remoteAddress ?? ''))
  return policy === 'truncated' ? truncated(address) : address
}

/**
 * IPv4 with the last octet zeroed (a /24), IPv6 cut to its /48: enough to tell a country or a provider,
 * not a household.
 */
export function truncated(address: string): string {
  if (isIPv4(address)) return address.replace(/\.\d+$/, '.0')
  if (!isIPv6(address)) return ''
  const network = [...groups(address).slice(0, 3), '0', '0', '0', '0', '0'].join(':')
  // The URL parser writes IPv6 in its canonical short form, e.g. 2001:db8:1::
  return new URL(`http://[${network}]/`).hostname.slice(1, -1)
}

/** A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; store them as the IPv4 they are. */
function unmapped(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return v4 ? v4[1]! : address
}

/** The eight 16-bit groups of an IPv6 address (no zone), `::` and an IPv4 tail expanded. */
function groups(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::')
  const split = (part: string) => (part ? part.split(':').flatMap(ipv4AsGroups) : [])
  const left = split(head)
  const right = tail === undefined ? [] : split(tail)
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
}

function ipv4AsGroups(part: string): string[] {
  if (!part.includes('.')) return [part]
  const [a, b, c, d] = part.split('.').map(Number) as [number, number, number, number]
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)]
}
