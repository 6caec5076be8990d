import type { ReadableAtom } from 'nanostores'
import type { Consent } from '../consent/consent'

const SELECTOR = 'script[type="text/plain"][data-consent]'

/**
 * Runs `<script type="text/plain" data-consent="…">` snippets once their category (or the service in
 * `data-consent-service`) is allowed: at start, when the page finishes parsing, and on every change.
 * They run one after another in document order, each external one after the previous has loaded, so a
 * snippet that calls a library loaded by the snippet before it works as it would without the widget.
 */
export function gateScripts($consent: ReadableAtom<Consent>, nonce: string): void {
  const started = new WeakSet<Element>()
  let queue = Promise.resolve()

  const scan = () => {
    const consent = $consent.get()
    for (const element of document.querySelectorAll<HTMLScriptElement>(SELECTOR)) {
      if (started.has(element) || !allows(consent, element)) continue
      started.add(element)
      queue = queue.then(() => run(element, nonce))
    }
  }

  $consent.subscribe(scan)
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan)
}

function allows(consent: Consent, element: HTMLElement): boolean {
  const service = element.dataset.consentService
  if (service) return consent.services[service] === true
  return element.dataset.consent!.split(/[\s,]+/).every((id) => consent.categories[id] === true)
}

function run(element: HTMLScriptElement, nonce: string): Promise<void> {
  return new Promise((resolve) => {
    if (!element.isConnected) return resolve()
    const script = document.createElement('script')
    for (const { name, value } of element.attributes) {
      if (name !== 'type' && name !== 'data-src' && name !== 'data-type') script.setAttribute(name, value)
    }
    if (element.dataset.type) script.type = element.dataset.type
    if (nonce) script.nonce = nonce
    const src = element.dataset.src
    if (src) {
      script.src = src
      script.onload = script.onerror = () => resolve()
    } else {
      script.text = element.text
    }
    element.replaceWith(script)
    if (!src) resolve()
  })
}
