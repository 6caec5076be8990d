import type { Texts } from '../texts/ru'
import type { configShape, Infer, presetIds } from './shape'

/** `soglasie.config.json`: see schema.json for every key's meaning. */
export interface Config {
  $schema?: string
  /** Bump to ask every visitor again. */
  revision?: number
  language?: 'ru' | 'en' | 'auto'
  operator: Operator
  policy: { url?: string; version?: string; markdown?: string }
  consentDocument?: { url?: string; version?: string }
  cookie?: { name?: string; domain?: string; path?: string; expiresDays?: number }
  receipts?: { endpoint?: string }
  /** Hold back tracker scripts other code inserts (Tilda's counters among them). Default true. */
  autoBlock?: boolean
  /** Interface texts to replace, per language. */
  texts?: { ru?: Partial<Texts>; en?: Partial<Texts> }
  ui?: {
    /** Where the banner sits: a bar along the bottom (default), a box bottom-left, or the centre. */
    position?: 'bar' | 'box' | 'center'
    /** `auto` follows the visitor's system setting. Default `light`. */
    theme?: 'light' | 'dark' | 'auto'
    /** A floating «Cookie» button that reopens the preferences, for sites without a footer link. */
    button?: boolean
  }
  categories?: Record<string, CategoryConfig>
  services?: Record<string, ServiceConfig>
}

export interface Operator {
  name: string
  inn?: string
  ogrn?: string
  address?: string
  email?: string
  phone?: string
}

export interface CategoryConfig {
  enabled?: boolean
  title?: string
  description?: string
}

export type PresetId = (typeof presetIds)[number]

export interface ServiceConfig {
  enabled?: boolean
  category: string
  title?: string
  preset?: PresetId
  options?: Record<string, unknown>
  src?: string
  code?: string
  cookies?: string[]
  processor?: Processor
}

export interface Processor {
  name: string
  /** ISO 3166-1 alpha-2; anything but RU means a cross-border transfer. */
  country?: string
  purpose?: string
  policyUrl?: string
  address?: string
}

// Compile-time proof that the readable types above and the shape the validator walks are the same.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Deep<T> = T extends (infer U)[] ? Deep<U>[] : T extends object ? { [K in keyof T]: Deep<T[K]> } : T
const sameShape: Equal<Deep<Config>, Deep<Infer<typeof configShape>>> = true
void sameShape
