import type { Config, Operator, PresetId, Processor } from './types'

/** A config after validation: defaults filled in, switched-off parts gone, frozen. */
export interface Model {
  readonly revision: number
  readonly language: 'ru' | 'en' | 'auto'
  readonly operator: Operator
  readonly policy: { readonly url?: string; readonly version?: string; readonly markdown?: string }
  readonly consentDocument: { readonly url?: string; readonly version?: string }
  readonly cookie: { readonly name: string; readonly domain?: string; readonly path: string; readonly expiresDays: number }
  readonly receipts: { readonly endpoint?: string }
  readonly autoBlock: boolean
  readonly texts: NonNullable<Config['texts']>
  readonly ui: { readonly position: 'bar' | 'box' | 'center'; readonly theme: 'light' | 'dark' | 'auto'; readonly button: boolean }
  /** Enabled categories, `necessary` first. */
  readonly categories: readonly Category[]
  /** Enabled services whose category is enabled. */
  readonly services: readonly Service[]
}

export interface Category {
  readonly id: string
  readonly title?: string
  readonly description?: string
}

export interface Service {
  readonly id: string
  readonly category: string
  readonly title?: string
  readonly preset?: PresetId
  readonly options: Readonly<Record<string, unknown>>
  readonly src?: string
  readonly code?: string
  readonly cookies: readonly string[]
  readonly processor?: Processor
}

export const NECESSARY = 'necessary'

export function toModel(input: Config): Model {
  // A copy: freezing must not reach into the caller's object.
  const config: Config = JSON.parse(JSON.stringify(input))
  const { necessary, ...rest } = config.categories ?? {}
  const categories = Object.entries({ [NECESSARY]: necessary ?? {}, ...rest })
    .filter(([, category]) => category.enabled !== false)
    .map(([id, { title, description }]) => ({ id, title, description }))
  const services = Object.entries(config.services ?? {})
    .filter(([, s]) => s.enabled !== false && categories.some((c) => c.id === s.category))
    .map(([id, { enabled: _, options = {}, cookies = [], ...service }]) => ({ id, ...service, options, cookies }))
  return freeze({
    revision: config.revision ?? 1,
    language: config.language ?? 'ru',
    operator: config.operator,
    policy: config.policy,
    consentDocument: config.consentDocument ?? {},
    cookie: { name: 'soglasie', path: '/', expiresDays: 365, ...config.cookie },
    receipts: config.receipts ?? {},
    autoBlock: config.autoBlock ?? true,
    texts: config.texts ?? {},
    ui: { position: 'bar', theme: 'light', button: false, ...config.ui },
    categories,
    services,
  })
}

function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(freeze)
    Object.freeze(value)
  }
  return value
}
