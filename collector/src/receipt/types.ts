/** The consent receipt the widget POSTs, one per decision (PRODUCT.md, "Consent receipts"). */
export interface Receipt {
  schema: typeof RECEIPT_SCHEMA
  receiptId: string
  consentId: string
  event: ConsentEvent
  method: ConsentMethod
  timestamp: string
  categories: Record<string, boolean>
  services: Record<string, boolean>
  revision: number
  policy: { url: string | null; version: string | null; sha256: string | null }
  consentText: { sha256: string; language: TextLanguage }
  page: string
  userAgent: string
}

export const RECEIPT_SCHEMA = 'soglasie.receipt/1'
export const CONSENT_EVENTS = ['given', 'updated', 'withdrawn'] as const
export const CONSENT_METHODS = ['accept-all', 'reject-all', 'custom', 'placeholder', 'api'] as const
export const TEXT_LANGUAGES = ['ru', 'en'] as const

export type ConsentEvent = (typeof CONSENT_EVENTS)[number]
export type ConsentMethod = (typeof CONSENT_METHODS)[number]
export type TextLanguage = (typeof TEXT_LANGUAGES)[number]

/** Lowercase RFC 4122 version 4, as the widget's `uuid()` makes them. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
