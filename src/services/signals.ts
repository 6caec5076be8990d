import type { ReadableAtom } from 'nanostores'
import type { Model } from '../config/model'
import type { Consent } from '../consent/consent'

declare global {
  interface Window {
    dataLayer?: unknown[]
  }
}

/**
 * Tells tag managers: a `soglasie_update` event in `dataLayer` on every change (and at start for a
 * visitor who already decided), and Google Consent Mode v2 when Google Analytics is configured:
 * everything denied first, then the update. No Google tag can load before this file runs: auto-blocking
 * holds them, and only this file releases or loads them.
 */
export function signal(model: Model, $consent: ReadableAtom<Consent>, initial: Consent): void {
  const google = model.services.filter((s) => s.preset === 'google-analytics')
  const dataLayer = (window.dataLayer ??= [])
  // gtag() queues `arguments` objects; gtag.js ignores plain arrays.
  const gtag = function (..._: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    dataLayer.push(arguments)
  }
  const mode = (consent: Consent) => {
    const analytics = google.some((s) => consent.services[s.id]) ? 'granted' : 'denied'
    const ads = consent.categories.marketing ? 'granted' : 'denied'
    return { analytics_storage: analytics, ad_storage: ads, ad_user_data: ads, ad_personalization: ads }
  }
  if (google.length) {
    gtag('consent', 'default', { ...mode({ categories: {}, services: {} } as never), wait_for_update: 500 })
    // The default must precede whatever the page's own gtag snippet queued before this file loaded.
    dataLayer.unshift(dataLayer.pop())
  }
  // This file loads when something is allowed or changes: a decided visitor's state counts as news too.
  $consent.subscribe((consent) => {
    if (consent === initial && !consent.decided) return
    if (google.length) gtag('consent', 'update', mode(consent))
    dataLayer.push({ event: 'soglasie_update', soglasie: { categories: consent.categories, services: consent.services } })
  })
}
