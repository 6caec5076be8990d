import type { Model } from '../config/model'
import type { Method } from '../consent/consent'
import type { Decision } from '../consent/store'
import { isNecessary } from '../consent/cookie'
import { fingerprint } from '../consent/fingerprint'
import { uuid } from '../consent/uuid'

/** What the endpoint receives for every decision: the fields of the product contract, nothing else. */
export interface Receipt {
  readonly schema: 'soglasie.receipt/1'
  /** The same on every retry, so the collector stores each decision once. */
  readonly receiptId: string
  readonly consentId: string
  readonly event: 'given' | 'updated' | 'withdrawn'
  readonly method: Method
  readonly timestamp: string
  readonly categories: Readonly<Record<string, boolean>>
  readonly services: Readonly<Record<string, boolean>>
  readonly revision: number
  readonly policy: { readonly url: string | null; readonly version: string | null; readonly sha256: string | null }
  readonly consentText: { readonly sha256: string; readonly language: string }
  readonly page: string
  readonly userAgent: string
}

/**
 * A receipt as the outbox first keeps it, written in the same task as the decision: hashing is
 * asynchronous, and a tab may close before it ends. The texts the visitor saw are kept as they were;
 * the policy, often long, by a fingerprint that tells later whether the text in force is still that one.
 */
export interface Draft extends Omit<Receipt, 'policy' | 'consentText'> {
  readonly policy: { readonly url: string | null; readonly version: string | null; readonly fingerprint: string | null }
  readonly consentText: { readonly text: string; readonly language: string }
}

export type Entry = Draft | Receipt

export const isDraft = (entry: Entry): entry is Draft => 'text' in entry.consentText

/**
 * The receipt of a decision. `given` is the first decision in this browser (refusals included);
 * `withdrawn` a later one after which nothing optional is allowed; anything else `updated`.
 */
export function draft({ consent, previous, method }: Decision, model: Model, consentText: Draft['consentText']): Draft {
  const optional = Object.entries({ ...consent.categories, ...consent.services }).some(
    ([id, on]) => on && !isNecessary(id, model),
  )
  const { url = null, version = null, markdown } = model.policy
  return {
    schema: 'soglasie.receipt/1',
    receiptId: uuid(),
    consentId: consent.id!,
    event: previous.id === null ? 'given' : optional ? 'updated' : 'withdrawn',
    method,
    timestamp: consent.timestamp!,
    categories: consent.categories,
    services: consent.services,
    revision: consent.revision,
    policy: { url, version, fingerprint: markdown === undefined ? null : fingerprint(markdown) },
    consentText,
    // Never the query or the hash: they may carry personal data (e-mails in UTM tags, tokens).
    page: location.origin + location.pathname,
    userAgent: navigator.userAgent,
  }
}
