import type { Processor } from '../config/types'
import type { Rule } from './shared'

/** What a loader may use. Both keep the page's CSP nonce and do each thing at most once per page. */
export interface LoaderEnv {
  /** Inserts `<script src>` (async) unless this URL was already inserted; resolves when it has loaded. */
  script(src: string, attributes?: Record<string, string>): Promise<void>
  /** Inserts an iframe in place of `target` (gated embeds). */
  frame?(target: Element, src: string): void
}

/**
 * What the visitor is told about a preset's service when the config does not say. Every preset's is in
 * `presets/disclosures.ts`, so the preferences dialog can show it without carrying the loaders.
 */
export interface Disclosure {
  /** Shown when the config gives no `title`. */
  readonly title: string
  /** The default processor disclosed to the visitor; a service's `processor` replaces it as a whole. */
  readonly processor: Processor
  /** First-party cookies it sets (names or `*` patterns); deleted on withdrawal. */
  readonly cookies: readonly string[]
}

/**
 * One tracker or widget: data plus two small functions. Adding a preset is one new file, one line in
 * `presets/index.ts`, its entries in `presets/disclosures.ts` and `presets/docs.ts` (what the dialogs and
 * the schema show without loading the presets), and its display names in `presets/names.ts` (which the
 * banner needs first).
 */
export interface Preset extends Disclosure {
  /**
   * Where its scripts, frames and hits come from: a host (`mc.yandex.ru`, matching subdomains too) or a
   * host with a path prefix (`vk.com/js/api/`). Scripts other code inserts from these are held back
   * until the service is allowed.
   */
  readonly hosts: readonly string[]
  /** localStorage and sessionStorage keys (names or `*` patterns); cleared on withdrawal. */
  readonly storage: readonly string[]
  /** What its `options` take: `check` applies these; schema.json and the configurator describe them. */
  readonly options: Readonly<Record<string, Rule>>
  /** Problems with the service's `options`, each as `key: what was expected`; none means valid. */
  check(options: Readonly<Record<string, unknown>>): string[]
  /** Starts the service once consent is there. Called at most once per page. */
  load(options: Readonly<Record<string, unknown>>, env: LoaderEnv): void
  /**
   * Before the vendor's script runs: drop what page code queued before consent (goals, hits, events)
   * from the vendor's queue, keeping only initialisation.
   */
  drain?(): void
  /** While the service is refused: switch on the vendor's own opt-out, where it has one. */
  refuse?(options: Readonly<Record<string, unknown>>): void
  /** Undoes `refuse` once the service is allowed. */
  allow?(options: Readonly<Record<string, unknown>>): void
}
