import { atom } from 'nanostores'
import type { Model } from '../config/model'
import { blank, seal, type Consent, type Method } from './consent'
import { decode, encode } from './cookie'
import { readCookie, writeCookie } from './jar'
import { uuid } from './uuid'

/** The visitor's consent. One store for the page; the UI, the gate and receipts subscribe to it. */
export const $consent = atom<Consent>(blank({ revision: 1, categories: [{ id: 'necessary' }], services: [] }))

/** Keys are category or service ids. */
export type Choice = Record<string, boolean>

export interface Decision {
  readonly consent: Consent
  readonly previous: Consent
  readonly method: Method
}

export interface ConsentActions {
  acceptAll(method: Method): void
  rejectAll(method: Method): void
  accept(choice: Choice, method: Method): void
  withdraw(method: Method): void
  /** A placeholder click: allows one service (or, for an embed that names none, its category) without deciding the banner. */
  allowFromPlaceholder(id: string): void
  /** Re-reads the cookie: another tab or another copy may have written it. */
  reload(): void
  /** Called after every decision made in this tab, with how it was made. */
  onDecision(listener: (decision: Decision) => void): () => void
}

/** Binds the store to a config: reads the stored choice, and returns the only ways to change it. */
export function connect(model: Model, notifyOtherTabs: () => void = () => {}): ConsentActions {
  const { name, domain, path, expiresDays } = model.cookie
  const listeners = new Set<(decision: Decision) => void>()
  let stored: string | undefined | null = null // null: not read yet

  const reload = () => {
    const value = readCookie(name)
    if (value === stored) return
    stored = value
    $consent.set(decode(value, model) ?? blank(model))
  }

  const commit = (choice: Choice, method: Method, decided = true) => {
    const previous = $consent.get()
    const consent = apply(model, previous, choice, decided || previous.decided)
    stored = encode(consent, model)
    writeCookie(name, stored, { days: expiresDays, path, domain })
    if (readCookie(name) !== stored) {
      console.warn(`[soglasie] cookie "${name}" refused: check cookie.domain and cookie.path`)
    }
    $consent.set(consent)
    notifyOtherTabs()
    listeners.forEach((listener) => listener({ consent, previous, method }))
  }

  const all = (on: boolean) => Object.fromEntries(model.categories.map((c) => [c.id, on]))

  reload()
  return {
    acceptAll: (method) => commit(all(true), method),
    rejectAll: (method) => commit(all(false), method),
    withdraw: (method) => commit(all(false), method),
    accept: (choice, method) => commit(choice, method),
    allowFromPlaceholder: (id) => commit({ [id]: true }, 'placeholder', false),
    reload,
    onDecision: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
  }
}

/**
 * The consent after a choice. A category's value reaches its services unless the choice names the
 * service itself, so `{ analytics: true, 'yandex-metrica': false }` allows analytics but not Metrica.
 */
export function apply(model: Model, previous: Consent, choice: Choice, decided = true): Consent {
  const categories = { ...previous.categories }
  const services = { ...previous.services }
  for (const [id, on] of Object.entries(choice)) {
    if (typeof on !== 'boolean') throw new TypeError(`[soglasie] accept: "${id}" must be true or false`)
    if (id in categories) {
      categories[id] = on
      for (const s of model.services) if (s.category === id && !(s.id in choice)) services[s.id] = on
    } else if (id in services) {
      services[id] = on
    } else {
      const known = [...Object.keys(categories), ...Object.keys(services)].join(', ')
      throw new TypeError(`[soglasie] accept: "${id}" is not a category or service; known: ${known}`)
    }
  }
  // Necessary cannot be refused, whatever a caller passes.
  categories.necessary = true
  for (const s of model.services) if (s.category === 'necessary') services[s.id] = true
  return seal({
    id: previous.id ?? uuid(),
    decided,
    revision: model.revision,
    // Whole seconds: what the cookie keeps, so every tab and every reload reads the same consent.
    timestamp: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
    categories,
    services,
  })
}
