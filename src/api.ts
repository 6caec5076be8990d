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
 * The public API over the store's actions. Without actions (the config was invalid) it still answers
 * from the never-connected store, which allows only necessary, and every decision is refused: the
 * widget fails closed.
 */
export function createApi(actions: ConsentActions | null, rescan = () => {}): Soglasie {
  const decide = (act: (a: ConsentActions) => void) => () => {
    if (actions) act(actions)
    else console.error('[soglasie] invalid config, nothing optional will load: no choice is stored')
  }
  return {
    show: () => $banner.set(true),
    showPreferences: () => $dialog.set('preferences'),
    showPolicy: () => $dialog.set('policy'),
    hide: () => {
      $banner.set(false)
      $dialog.set(null)
    },
    acceptAll: decide((a) => a.acceptAll('api')),
    rejectAll: decide((a) => a.rejectAll('api')),
    accept: (choice) => decide((a) => a.accept(choice, 'api'))(),
    withdraw: decide((a) => a.withdraw('api')),
    getConsent: () => $consent.get(),
    isAllowed: (id) => $consent.get().categories[id] ?? $consent.get().services[id] ?? false,
    onChange: (listener) => $consent.listen((value) => listener(value)),
    rescan,
  }
}
