import type { Model } from '../config/model'

/** What `getConsent()` returns and `$consent` holds. */
export interface Consent {
  /** Pseudonymous id of this browser's consent; null until the first choice. */
  readonly id: string | null
  /** True once the visitor (or the API) made the banner decision. */
  readonly decided: boolean
  readonly revision: number
  /** ISO 8601 UTC time of the last choice; null until the first one. */
  readonly timestamp: string | null
  readonly categories: Record<string, boolean>
  readonly services: Record<string, boolean>
}

export type Method = 'accept-all' | 'reject-all' | 'custom' | 'placeholder' | 'api'

/** Before any choice: only `necessary` and its services are allowed. */
export function blank(model: Pick<Model, 'revision' | 'categories' | 'services'>): Consent {
  const necessary = (category: string) => category === 'necessary'
  return seal({
    id: null,
    decided: false,
    revision: model.revision,
    timestamp: null,
    categories: Object.fromEntries(model.categories.map((c) => [c.id, necessary(c.id)])),
    services: Object.fromEntries(model.services.map((s) => [s.id, necessary(s.category)])),
  })
}

/** Consents are shared with page code through `getConsent()` and events: nobody may edit them in place. */
export function seal(consent: Consent): Consent {
  Object.freeze(consent.categories)
  Object.freeze(consent.services)
  return Object.freeze(consent)
}
