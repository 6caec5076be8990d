import { parseConfig } from './config/validate'
import { createApi, type Soglasie } from './api'
import type { Consent } from './consent/consent'
import { $consent, connect } from './consent/store'
import { watchOtherTabs } from './consent/tabs'
import { hold, type Holder } from './gate/hold'
import { draft } from './receipts/receipt'
import { openOutbox } from './receipts/outbox'
import type { Services, ServicesModule } from './services/index'
import type { DialogsModule } from './ui/dialogs/context'
import { notice } from './ui/banner'
import { mountUi } from './ui/mount'
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
  const { model, errors } = parseConfig(config)
  if (!model) {
    console.error(`[soglasie] invalid config, nothing optional will load:\n  ${errors.join('\n  ')}`)
    started = createApi(null)
  } else {
    if (model.autoBlock) {
      holder.add(model.services.flatMap((s) => (s.src ? [new URL(s.src, document.baseURI).host] : [])))
    } else holder.stop()
    // The script-tag build has no module loader; it brings its own (see embed.ts).
    const chunks: Chunks =
      import.meta.env.MODE === 'embed'
        ? options.chunks!
        : { dialogs: () => import('./ui/dialogs/index'), services: () => import('./services/index') }
    let notify = () => {}
    const actions = connect(model, () => notify())
    notify = watchOtherTabs(`soglasie:${model.cookie.name}`, actions.reload)
    $consent.listen((detail) => dispatchEvent(new CustomEvent('soglasie:change', { detail })))
    const ui = mountUi(model, actions, chunks.dialogs)
    $consent.subscribe((consent) => $banner.set(!consent.decided))
    const outbox = model.receipts.endpoint ? openOutbox(`soglasie:${model.cookie.name}:outbox`) : null

    // The services file runs everything optional: presets, held and marked scripts, receipts delivery.
    const initial = $consent.get()
    let services: Promise<Services | void> | undefined
    const loadServices = () =>
      (services ??= (marked.disconnect(), chunks.services()).then(
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
    const findMarked = () => document.querySelector('[data-consent]') && loadServices()
    const marked = new MutationObserver(findMarked)
    marked.observe(document, { childList: true, subtree: true })

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
      if (consent !== initial || optional(consent) || !model.autoBlock || outbox?.read().length) loadServices()
    })
    findMarked()
    started = createApi(actions, () => void loadServices().then((started) => started?.rescan()))
  }
  // After init returns, so the script tag's `window.Soglasie` is set when listeners run.
  const api = started
  queueMicrotask(() => dispatchEvent(new CustomEvent('soglasie:ready', { detail: api })))
  return started
}

