import { parseConfig } from './config/validate'
import { createApi, type Soglasie } from './api'
import type { Consent } from './consent/consent'
import type { Config } from './config/types'
import { $consent, connect, type ConsentActions } from './consent/store'
import { watchOtherTabs } from './consent/tabs'
import { hold, type Holder } from './gate/hold'
import { draft } from './receipts/receipt'
import { openOutbox } from './receipts/outbox'
import type { Services, ServicesModule } from './services/index'
import type { DialogsModule } from './ui/dialogs/context'
import { notice } from './ui/banner'
import { mountUi } from './ui/mount'
import { whenBody, whenParsed } from './ui/element'
import { textsFor, type Language } from './ui/texts'
import { $banner } from './view'

export { $consent } from './consent/store'
export { $banner, $dialog, type Dialog } from './view'
export { validate } from './config/validate'
export type { Soglasie } from './api'
export type { Consent, Method } from './consent/consent'
export type { Choice } from './consent/store'
export type * from './config/types'

/** The parts that load later, each on first need. */
export interface Chunks {
  dialogs(): Promise<DialogsModule>
  services(): Promise<ServicesModule>
}

export interface InitOptions {
  /** CSP nonce for the scripts the widget inserts; by default the nonce of the first script that has one. */
  nonce?: string
  /** @internal How the later parts load; the script-tag build fetches files beside its own. */
  chunks?: Chunks
  /** @internal Auto-blocking started before the config was read (a config fetched from data-config). */
  holder?: Holder
}

let started: Soglasie | undefined

/**
 * The texts a receipt's `consentText.sha256` covers, for a config and a language: what the banner
 * showed, joined by line feeds. For checking receipts; runs without a page.
 */
export function consentText(config: unknown, language: Language): string {
  const { model, errors } = parseConfig(config)
  if (!model) throw new TypeError(`[soglasie] invalid config:\n  ${errors.join('\n  ')}`)
  return notice(model, textsFor(model, language)).filter(Boolean).join('\n')
}

/**
 * Starts the widget once per page: holds tracker scripts back, validates the config, reads the stored
 * choice, shows the banner, keeps a receipt of every decision, and loads the rest when it is needed. A second call returns the first call's
 * API. An invalid config is reported on the console, and nothing optional ever loads.
 */
export function init(config: unknown, options: InitOptions = {}): Soglasie {
  if (started) return started
  const nonce = options.nonce ?? document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? ''
  // First, so that nothing slips through while the config is read; with an invalid config it stays on.
  const holder = options.holder ?? hold(nonce)
  // The script-tag build has no module loader; it brings its own (see embed.ts).
  const chunks: Chunks =
    import.meta.env.MODE === 'embed'
      ? options.chunks!
      : { dialogs: () => import('./ui/dialogs/index'), services: () => import('./services/index') }
  let actions: ConsentActions | null | undefined
  let loadServices: () => Promise<Services | void>
  // The config is checked, the stored choice read (a synchronous call into the browser) and the
  // interface built once <body> exists, by the parser's task that adds it: this script's own task in
  // <head> stays short. Until then only the known trackers are held. An API call before then, or a
  // config that switches auto-blocking off, runs them at once.
  const begin = () => (actions === undefined ? (actions = start()) : actions)
  const start = (): ConsentActions | null => {
    const { model, errors } = parseConfig(config)
    if (!model) {
      console.error(`[soglasie] invalid config, nothing optional will load:\n  ${errors.join('\n  ')}`)
      ready()
      return null
    }
    if (model.autoBlock) {
      holder.add(model.services.flatMap((s) => (s.src ? [new URL(s.src, document.baseURI).host] : [])))
    } else holder.stop()
    let notify = () => {}
    const actions = connect(model, () => notify())
    notify = watchOtherTabs(`soglasie:${model.cookie.name}`, actions.reload)
    $consent.listen((detail) => dispatchEvent(new CustomEvent('soglasie:change', { detail })))
    // Every decision needs the services file, so it is fetched when the visitor reaches for the banner.
    const ui = mountUi(model, actions, chunks.dialogs, () => loadServices())
    $consent.subscribe((consent) => $banner.set(!consent.decided))
    const outbox = model.receipts.endpoint ? openOutbox(`soglasie:${model.cookie.name}:outbox`) : null

    // The services file runs everything optional: presets, held and marked scripts, receipts delivery.
    const initial = $consent.get()
    let services: Promise<Services | void> | undefined
    loadServices = () =>
      (services ??= chunks.services().then(
        (module) =>
          module.startServices({
            model,
            $consent,
            holder: model.autoBlock ? holder : null,
            nonce,
            initial,
            placeholder: ui.placeholder,
            outbox,
          }),
        (error: Error) => console.error(`[soglasie] could not load the services: ${error.message}`),
      ))
    // Marked elements are inert until the services file handles them, so they are looked for once the
    // page is parsed, then in what scripts add: observing the whole tree during the parse would cost
    // the parser a record for every node it adds (a long page parses twice as slowly).
    const findMarked = () => (services ? marked.disconnect() : document.querySelector('[data-consent]') && loadServices())
    const marked = new MutationObserver(findMarked)
    whenParsed(() => (marked.observe(document, { childList: true, subtree: true }), findMarked()))

    // The receipt is in the outbox before anything is sent, in the same task as the decision.
    actions.onDecision((decision) => {
      if (!outbox) return
      outbox.write([...outbox.read(), draft(decision, model, ui.consentText)])
      loadServices().then((started) => started?.flush())
    })

    // It loads when something optional is allowed, on any change (a withdrawal needs it to clean up),
    // when receipts wait to be sent, and for marked elements (placeholders), so a returning visitor
    // who refused on a page without embeds never downloads it. Without auto-blocking it loads at
    // once: while refused, it switches on the vendors' own opt-outs (Metrica's disableYaCounter<ID>)
    // for counters that nothing holds back.
    const optional = (consent: Consent) =>
      model.categories.some((c) => c.id !== 'necessary' && consent.categories[c.id]) ||
      model.services.some((s) => s.category !== 'necessary' && consent.services[s.id])
    $consent.subscribe((consent) => {
      if (consent !== initial || optional(consent) || !model.autoBlock) loadServices()
    })
    // Receipts left by an earlier page are looked for after the start: the first look into storage
    // waits on the browser process, and nothing about them is urgent.
    if (outbox) setTimeout(() => outbox.read().length && loadServices(), 500)
    ready()
    return actions
  }
  started = createApi(begin, () => void (begin() && loadServices().then((started) => started?.rescan())))
  if ((config as Config | undefined)?.autoBlock === false) begin()
  else whenBody(begin)
  return started
}

// In a microtask, so the script tag's `window.Soglasie` is set when listeners run.
const ready = () => queueMicrotask(() => dispatchEvent(new CustomEvent('soglasie:ready', { detail: started })))

