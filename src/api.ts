import type { Consent } from './consent/consent'
import { $consent, type Choice, type ConsentActions } from './consent/store'
import { $banner, $dialog } from './view'

/** `window.Soglasie` and what `init()` returns. */
export interface Soglasie {
  show(): void
  showPreferences(): void
  showPolicy(): void
  hide(): void
  acceptAll(): void
  rejectAll(): void
  /** Keys are category or service ids: `accept({ analytics: true, 'vk-ads': false })`. */
  accept(choice: Choice): void
  withdraw(): void
  getConsent(): Consent
  isAllowed(categoryOrServiceId: string): boolean
  /** Called on every change (not on subscribe), in every tab the change reaches. */
  onChange(listener: (consent: Consent) => void): () => void
  /** Looks for marked elements again; new ones are found by themselves, this is for the rare miss. */
  rescan(): void
}

/**
 * The public API over the store's actions. `start` starts the widget on first need (see init) and
 * returns the actions, or null when the config was invalid: then the API still answers from the
 * never-connected store, which allows only necessary, and every decision is refused: the widget fails
 * closed.
 */
export function createApi(start: () => ConsentActions | null, rescan = () => {}): Soglasie {
  // Every call first makes sure the widget has started: a page script may call in <head>.
  const decide = (act: (a: ConsentActions) => void) => () => {
    const actions = start()
    if (actions) act(actions)
    else console.error('[soglasie] invalid config, nothing optional will load: no choice is stored')
  }
  const consent = () => (start(), $consent.get())
  return {
    show: () => (start(), $banner.set(true)),
    showPreferences: () => (start(), $dialog.set('preferences')),
    showPolicy: () => (start(), $dialog.set('policy')),
    hide: () => {
      $banner.set(false)
      $dialog.set(null)
    },
    acceptAll: decide((a) => a.acceptAll('api')),
    rejectAll: decide((a) => a.rejectAll('api')),
    accept: (choice) => decide((a) => a.accept(choice, 'api'))(),
    withdraw: decide((a) => a.withdraw('api')),
    getConsent: consent,
    isAllowed: (id) => consent().categories[id] ?? consent().services[id] ?? false,
    onChange: (listener) => $consent.listen((value) => listener(value)),
    rescan,
  }
}
