import type { Processor } from '../config/types'

/** What a loader may use. Both keep the page's CSP nonce and do each thing at most once per page. */
export interface LoaderEnv {
  /** Inserts `<script src>` (async) unless this URL was already inserted; resolves when it has loaded. */
  script(src: string, attributes?: Record<string, string>): Promise<void>
  /** Inserts an iframe in place of `target` (gated embeds). */
  frame?(target: Element, src: string): void
}

/**
 * One tracker or widget: data plus two small functions. Adding a preset is one new file and one line in
 * `presets/index.ts` (and its display names in `presets/names.ts`, which the banner needs first).
 */
export interface Preset {
  /** Shown when the config gives no `title`. */
  readonly title: string
  /** The default processor disclosed to the visitor; a service's `processor` replaces it. */
  readonly processor: Processor
  /**
   * Where its scripts, frames and hits come from: a host (`mc.yandex.ru`, matching subdomains too) or a
   * host with a path prefix (`vk.com/js/api/`). Scripts other code inserts from these are held back
   * until the service is allowed.
   */
  readonly hosts: readonly string[]
  /** First-party cookies it sets (names or `*` patterns); deleted on withdrawal. */
  readonly cookies: readonly string[]
  /** localStorage and sessionStorage keys (names or `*` patterns); cleared on withdrawal. */
  readonly storage: readonly string[]
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
