import type { Model } from '../config/model'
import type { Consent } from './consent'
import { blank, seal } from './consent'
import { fingerprint } from './fingerprint'

// The cookie travels with every request to the site, so it is short and plain ASCII:
//   1.<d|p>.<consent id>.<revision>.<seconds since epoch, base 36>.<set>.<allowed id>.<allowed id>...
// `d` = the visitor decided; `p` = only placeholder clicks so far (the banner still asks).
// `set` is a hash of every enabled category and service id: when the config adds or removes one, the
// stored choice no longer says anything about the new set, and the visitor is asked again.
// Necessary ids are never written: they are always allowed.
const VERSION = '1'
const UUID = /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/

export function encode(consent: Consent, model: Model): string {
  const allowed = [...Object.entries(consent.categories), ...Object.entries(consent.services)]
    .filter(([id, on]) => on && !isNecessary(id, model))
    .map(([id]) => id)
  const seconds = Math.floor(Date.parse(consent.timestamp!) / 1000)
  const head = [VERSION, consent.decided ? 'd' : 'p', consent.id, model.revision, seconds.toString(36), setHash(model)]
  return [...head, ...allowed].join('.')
}

/** The consent a cookie value holds, or null when it cannot be trusted to say anything. */
export function decode(value: string | undefined, model: Model, now = Date.now()): Consent | null {
  const [version, state, id, revision, time, set, ...allowed] = (value ?? '').split('.')
  const seconds = parseInt(time!, 36)
  const age = now / 1000 - seconds
  // A day of clock skew is tolerated; a time further ahead is not a time this widget wrote.
  const fresh = age < model.cookie.expiresDays * 86400 && age > -86400
  if (version !== VERSION || !/^[dp]$/.test(state!) || !UUID.test(id!) || revision !== String(model.revision)) return null
  if (!fresh || set !== setHash(model)) return null
  const base = blank(model)
  const read = (map: Record<string, boolean>) =>
    Object.fromEntries(Object.entries(map).map(([k, on]) => [k, on || allowed.includes(k)]))
  return seal({
    ...base,
    id: id!,
    decided: state === 'd',
    timestamp: new Date(seconds * 1000).toISOString(),
    categories: read(base.categories),
    services: read(base.services),
  })
}

export function isNecessary(id: string, model: Model): boolean {
  return id === 'necessary' || model.services.some((s) => s.id === id && s.category === 'necessary')
}

/** A short fingerprint of what the visitor was asked about: every enabled id, sorted. */
export function setHash(model: Model): string {
  return fingerprint([...model.categories, ...model.services].map((x) => x.id).sort().join(' '))
}
