// The script-tag build: find the config on the page, start, expose `window.Soglasie`.
import { init, type Soglasie } from './index'
import type { DialogsModule } from './ui/dialogs/context'

declare global {
  interface Window {
    Soglasie?: Soglasie
    soglasieConfig?: unknown
    /** Set by the first copy of the script, so a second copy on the page does nothing. */
    __soglasie?: true
    /** What soglasie.dialogs.js leaves when it has run. */
    __soglasieDialogs?: DialogsModule
  }
}

const script = document.currentScript as HTMLScriptElement | null
const nonce = script?.nonce ?? ''

// The dialogs (Preact and all) are a second file beside this one, fetched when first needed.
const dialogsUrl = new URL('soglasie.dialogs.js', script?.src || location.href).href
const dialogs = () =>
  new Promise<DialogsModule>((resolve, reject) => {
    const element = document.createElement('script')
    element.src = dialogsUrl
    element.nonce = nonce
    element.onload = () => (window.__soglasieDialogs ? resolve(window.__soglasieDialogs) : reject(new Error(dialogsUrl)))
    element.onerror = () => reject(new Error(`${dialogsUrl} did not load`))
    document.head.append(element)
  })

const start = (config: unknown) => (window.Soglasie = init(config, { nonce, dialogs }))
const fail = (message: string) => {
  console.error(`[soglasie] ${message}; nothing optional will load`)
  start(undefined)
}

// Config lookup order: the JSON element, the global, then the URL on this script tag.
function load(): void {
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
  if (document.readyState === 'loading') return void document.addEventListener('DOMContentLoaded', load, { once: true })
  fail('no config: add <script type="application/json" id="soglasie-config">, window.soglasieConfig or data-config')
}

if (!window.__soglasie) {
  window.__soglasie = true
  load()
}
