import { parseConfig } from './config/validate'
import { createApi, type Soglasie } from './api'
import type { Consent } from './consent/consent'
import { $consent, connect } from './consent/store'
import { watchOtherTabs } from './consent/tabs'
import { hold, type Holder } from './gate/hold'
import { gateMarked } from './gate/marked'
import type { ServicesModule } from './services/index'
import type { DialogsModule } from './ui/dialogs/context'
import { mountUi } from './ui/mount'
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
 * Starts the widget once per page: holds tracker scripts back, validates the config, reads the stored
 * choice, gates the page's marked elements, shows the banner. A second call returns the first call's
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
      holder.add(model.services.flatMap((s) => (s.src ? [new URL(s.src, location.href).host] : [])))
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
    // What ran on this page and cannot be stopped: a withdrawal reloads the page.
    const ran = new Set<string>()
    const rescan = gateMarked($consent, {
      nonce,
      setSrc: model.autoBlock ? holder.setSrc : undefined,
      placeholder: ui.placeholder,
      onRun: (id) => ran.add(id),
    })
    $consent.subscribe((consent) => $banner.set(!consent.decided))

    // The services file loads when something optional is allowed, or on any change (a withdrawal
    // needs it to clean up), so a returning visitor who refused never downloads it. Without
    // auto-blocking it loads at once: while refused, it switches on the vendors' own opt-outs
    // (Metrica's disableYaCounter<ID>) for counters that nothing holds back.
    const initial = $consent.get()
    const optional = (consent: Consent) =>
      model.categories.some((c) => c.id !== 'necessary' && consent.categories[c.id]) ||
      model.services.some((s) => s.category !== 'necessary' && consent.services[s.id])
    let services: Promise<void> | undefined
    $consent.subscribe((consent) => {
      if (services || (consent === initial && !optional(consent) && model.autoBlock)) return
      services = chunks.services().then(
        (module) =>
          module.startServices({ model, $consent, holder: model.autoBlock ? holder : null, nonce, initial, ran }),
        (error: Error) => console.error(`[soglasie] could not load the services: ${error.message}`),
      )
    })
    started = createApi(actions, rescan)
  }
  // After init returns, so the script tag's `window.Soglasie` is set when listeners run.
  const api = started
  queueMicrotask(() => dispatchEvent(new CustomEvent('soglasie:ready', { detail: api })))
  return started
}

