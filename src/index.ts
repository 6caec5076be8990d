import { parseConfig } from './config/validate'
import { createApi, type Soglasie } from './api'
import { $consent, connect } from './consent/store'
import { watchOtherTabs } from './consent/tabs'
import { gateScripts } from './gate/scripts'
import { mountUi, type LoadDialogs } from './ui/mount'
import { $banner } from './view'

export { $consent } from './consent/store'
export { $banner, $dialog, type Dialog } from './view'
export { validate } from './config/validate'
export type { Soglasie } from './api'
export type { Consent, Method } from './consent/consent'
export type { Choice } from './consent/store'
export type * from './config/types'

export interface InitOptions {
  /** CSP nonce for the scripts the widget inserts; by default the nonce of the first script that has one. */
  nonce?: string
  /** @internal How the dialogs' code loads; the script-tag build fetches a file beside its own. */
  dialogs?: LoadDialogs
}

let started: Soglasie | undefined

/**
 * Starts the widget once per page: validates the config, reads the stored choice, gates the page's
 * marked scripts. A second call returns the first call's API. An invalid config is reported on the
 * console and nothing optional ever loads.
 */
export function init(config: unknown, options: InitOptions = {}): Soglasie {
  if (started) return started
  const { model, errors } = parseConfig(config)
  if (!model) {
    console.error(`[soglasie] invalid config, nothing optional will load:\n  ${errors.join('\n  ')}`)
    started = createApi(null, null)
  } else {
    let notify = () => {}
    const actions = connect(model, () => notify())
    notify = watchOtherTabs(`soglasie:${model.cookie.name}`, actions.reload)
    $consent.listen((detail) => dispatchEvent(new CustomEvent('soglasie:change', { detail })))
    gateScripts($consent, options.nonce ?? document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '')
    $consent.subscribe((consent) => $banner.set(!consent.decided))
    // The script-tag build has no module loader; it brings its own (see embed.ts).
    mountUi(model, actions, import.meta.env.MODE === 'embed' ? options.dialogs! : () => import('./ui/dialogs/index'))
    started = createApi(actions, model)
  }
  // After init returns, so the script tag's `window.Soglasie` is set when listeners run.
  const api = started
  queueMicrotask(() => dispatchEvent(new CustomEvent('soglasie:ready', { detail: api })))
  return started
}
