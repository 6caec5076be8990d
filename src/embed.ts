// The script-tag build: find the config on the page, start, expose `window.Soglasie`.
import { hold, type Holder } from './gate/hold'
import { init, type Chunks, type Soglasie } from './index'
import { whenParsed } from './ui/element'
import type { ServicesModule } from './services/index'
import type { DialogsModule } from './ui/dialogs/context'

declare global {
  interface Window {
    Soglasie?: Soglasie
    soglasieConfig?: unknown
    /** Set by the first copy of the script, so a second copy on the page does nothing. */
    __soglasie?: true
    /** What soglasie.dialogs.js and soglasie.services.js leave when they have run. */
    __soglasieDialogs?: DialogsModule
    __soglasieServices?: ServicesModule
  }
}

const script = document.currentScript as HTMLScriptElement | null
const nonce = script?.nonce ?? ''

// The dialogs (Preact and all) and the services (presets, release, cleanup) are files beside this one,
// fetched when first needed; each leaves its module in a global of its own.
const chunk = <T>(file: string, global: '__soglasieDialogs' | '__soglasieServices') => () =>
  new Promise<T>((resolve, reject) => {
    const url = new URL(file, script?.src || location.href).href
    const element = document.createElement('script')
    element.src = url
    element.nonce = nonce
    element.onload = element.onerror = () => (window[global] ? resolve(window[global] as T) : reject(new Error(`${url} did not load`)))
    document.head.append(element)
  })
const chunks: Chunks = {
  dialogs: chunk('soglasie.dialogs.js', '__soglasieDialogs'),
  services: chunk('soglasie.services.js', '__soglasieServices'),
}

// Hold trackers back from this moment, whenever and wherever the config turns up.
let holder: Holder | undefined
const start = (config: unknown) => (window.Soglasie = init(config, { nonce, chunks, holder }))
const fail = (message: string) => {
  console.error(`[soglasie] ${message}; nothing optional will load`)
  start(undefined)
}

// Config lookup order: the JSON element, the global, then the URL on this script tag.
function load(parsed?: true): void {
  const element = document.getElementById('soglasie-config')
  if (element) {
    let config: unknown
    try {
      config = JSON.parse(element.textContent ?? '')
    } catch (error) {
      return fail(`#soglasie-config is not valid JSON: ${(error as Error).message}`)
    }
    return void start(config)
  }
  if (window.soglasieConfig !== undefined) return void start(window.soglasieConfig)
  const url = script?.dataset.config
  if (url) {
    fetch(url)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(start, (error: Error) => fail(`could not load the config from data-config="${url}": ${error.message}`))
    return
  }
  // The element may stand after this script; look once more when the page is parsed.
  if (parsed) fail('no config in #soglasie-config, window.soglasieConfig or data-config')
  else whenParsed(() => load(true))
}

if (!window.__soglasie) {
  window.__soglasie = true
  holder = hold(nonce)
  load()
}
