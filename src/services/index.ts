import type { ReadableAtom } from 'nanostores'
import type { Model, Service } from '../config/model'
import type { Consent } from '../consent/consent'
import { matches } from '../gate/hosts'
import type { Held, Holder } from '../gate/hold'
import { gateMarked } from '../gate/marked'
import { presets } from '../presets/index'
import type { LoaderEnv } from '../presets/preset'
import { deliver } from '../receipts/deliver'
import type { Outbox } from '../receipts/outbox'
import { forget } from './forget'
import { signal } from './signals'

export interface ServicesContext {
  model: Model
  $consent: ReadableAtom<Consent>
  /** Null when auto-blocking is off. */
  holder: Holder | null
  nonce: string
  /** The consent the page started with: what a first change withdraws is measured against it. */
  initial: Consent
  /** Puts a placeholder in place of a gated iframe that is not allowed yet; returns its undo. */
  placeholder(frame: HTMLIFrameElement): () => void
  /** Receipts waiting to be sent; null when no endpoint is configured. */
  outbox: Outbox | null
}

export interface Services {
  /** Looks for marked elements again (`Soglasie.rescan()`). */
  rescan(): void
  /** Sends the receipts waiting in the outbox now. */
  flush(): void
}

export interface ServicesModule {
  startServices(context: ServicesContext): Services
}

// Tilda's marks on its Site-Settings counters, in the config's words.
const MARKS: Record<string, string> = { analytics: 'analytics', advertising: 'marketing', functional: 'functional' }

/**
 * What runs once consent is there: each allowed service loads once per page (its preset, `src` or
 * `code`); held scripts are released to the service whose hosts they match, else by Tilda's mark, else
 * as marketing, and a held script that a configured preset loads itself is dropped, so it runs once.
 * On withdrawal the service's cookies and storage go, and a page that ran its script reloads.
 */
export function startServices({ model, $consent, holder, nonce, initial, placeholder, outbox }: ServicesContext): Services {
  signal(model, $consent, initial)
  const flush = outbox ? deliver(model, outbox) : () => {}
  const started = new Set<string>() // services whose script this file inserted
  const inserted = new Set<string>()
  const released = new Set<string>() // categories or services whose held scripts ran on this page
  const ran = new Set<string>() // categories or services whose marked scripts ran on this page
  const releasedUrls: [category: string, url: string | undefined][] = []

  const env: LoaderEnv = {
    script: (src, attributes = {}) =>
      new Promise((resolve) => {
        if (inserted.has(src)) return resolve()
        inserted.add(src)
        const script = document.createElement('script')
        for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
        script.async = true
        script.nonce = nonce
        script.onload = script.onerror = () => resolve()
        if (holder) holder.setSrc(script, src)
        else script.src = src
        document.head.append(script)
      }),
  }

  const places = (service: Service) => [
    ...(service.preset ? presets[service.preset].hosts : []),
    ...(service.src ? [new URL(service.src, document.baseURI).host] : []),
  ]
  const owner = (held: Held) => model.services.find((s) => held.url && matches(held.url, places(s)))

  const release = (held: Held, consent: Consent) => {
    if (held.released) return
    const service = owner(held)
    const category = MARKS[held.mark ?? ''] ?? 'marketing'
    if (!(service ? consent.services[service.id] : consent.categories[category])) return
    released.add(service?.id ?? category)
    if (!service) releasedUrls.push([category, held.url])
    // The config's preset loads this service itself: drop the copy, so it runs once.
    if (service?.preset) return void (held.released = true)
    // Whatever the page queued for this vendor before consent stays unsent.
    for (const preset of Object.values(presets)) if (held.url && matches(held.url, preset.hosts)) preset.drain?.()
    holder!.release(held)
  }

  const start = (service: Service) => {
    if (started.has(service.id)) return
    const preset = service.preset && presets[service.preset]
    const problems = preset ? preset.check(service.options) : []
    if (problems.length) {
      // Checked here, with the preset's own code, so the first script does not carry every preset's rules.
      console.error(`[soglasie] services.${service.id} will not load:\n  ${problems.map((p) => `services.${service.id}.options.${p}`).join('\n  ')}`)
      return
    }
    // A disclosure-only service (a server-side processor) has nothing to load, so nothing to stop.
    if (preset || service.src || service.code) started.add(service.id)
    if (preset) {
      preset.allow?.(service.options)
      preset.drain?.()
      preset.load(service.options, env)
    } else if (service.src) env.script(service.src)
    else if (service.code) {
      const script = document.createElement('script')
      script.nonce = nonce
      script.text = service.code
      document.head.append(script)
    }
  }

  let previous = initial
  const apply = (consent: Consent) => {
    const withdrawn = model.services.filter((s) => previous.services[s.id] && !consent.services[s.id])
    for (const service of model.services) {
      if (consent.services[service.id]) start(service)
      else if (service.preset) presets[service.preset].refuse?.(service.options)
    }
    holder?.held.forEach((held) => release(held, consent))
    for (const service of withdrawn) {
      const preset = service.preset ? presets[service.preset] : undefined
      forget([...service.cookies, ...(preset?.cookies ?? [])], preset?.storage ?? [])
    }
    // Trackers no service claims (Tilda's own counters): their vendor's preset knows their cookies.
    for (const [category, url] of releasedUrls) {
      if (consent.categories[category] || !url) continue
      for (const preset of Object.values(presets)) if (matches(url, preset.hosts)) forget(preset.cookies, preset.storage)
    }
    // A script that ran cannot be unloaded: a reload is the only way to stop it.
    const stale = [...started, ...released, ...ran].filter((id) => consent.services[id] === false || consent.categories[id] === false)
    previous = consent
    if (!stale.length) return
    sessionStorage.setItem('soglasie:reloaded', '1')
    location.reload()
  }

  holder?.onHold((held) => release(held, $consent.get()))
  $consent.subscribe(apply)
  const rescan = gateMarked($consent, {
    nonce,
    setSrc: holder?.setSrc,
    placeholder,
    onRun: (id) => ran.add(id),
  })
  return { rescan, flush }
}
