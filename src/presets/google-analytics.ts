import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { argsOf, fits, inject, keepOnly, optOutFlag, page, required, takes, type Rule } from './shared'

const measurementId: Rule = {
  expected: 'a measurement id like "G-XXXXXXXXXX"',
  schema: { type: 'string', pattern: '^G-[A-Z0-9]+$' },
}

// What a pre-consent `dataLayer` may keep: setup, not hits.
const SETUP = ['js', 'config', 'consent', 'set']

/** Google's own opt-out flag for a measurement id. */
const optOut = (options: Readonly<Record<string, unknown>>) =>
  fits(measurementId.schema, options.id) ? 'ga-disable-' + options.id : undefined

export const googleAnalytics: Preset = {
  ...disclosures['google-analytics'],
  hosts: ['googletagmanager.com', 'google-analytics.com'],
  storage: [],
  ...takes({ id: required(measurementId) }),
  load(options, env) {
    const w = page()
    const dataLayer = (w.dataLayer = w.dataLayer || []) as unknown[]
    if (typeof w.gtag !== 'function') {
      w.gtag = function () {
        // gtag.js reads only `arguments` objects as commands.
        dataLayer.push(arguments)
      }
    }
    const gtag = w.gtag as (...args: unknown[]) => void
    // Consent Mode: this runs only once the visitor allowed the service, which may follow a denied default.
    gtag('consent', 'update', { analytics_storage: 'granted' })
    // The page's own gtag snippet may have queued these already: twice would count every view twice.
    const queued = (command: string, id?: unknown) =>
      dataLayer.some((entry) => argsOf(entry)?.[0] === command && (id === undefined || argsOf(entry)?.[1] === id))
    if (!queued('js')) gtag('js', new Date())
    if (!queued('config', options.id)) gtag('config', options.id)
    inject(env, 'https://www.googletagmanager.com/gtag/js?id=' + options.id)
  },
  drain() {
    // Plain objects are GTM's or Metrica's e-commerce data, not gtag commands: not ours to drop.
    keepOnly(page().dataLayer, (entry) => {
      const args = argsOf(entry)
      return !args || SETUP.includes(args[0] as string)
    })
  },
  ...optOutFlag(optOut),
}
