import type { ReadableAtom } from 'nanostores'
import type { Consent } from '../consent/consent'
import { whenParsed } from '../ui/element'

const SELECTOR = 'script[type="text/plain"][data-consent], iframe[data-consent][data-src], img[data-consent][data-src]'

export interface MarkedOptions {
  nonce: string
  /** Sets a src past auto-blocking: a marked element is the site's own, consented request. */
  setSrc?: (element: HTMLScriptElement | HTMLIFrameElement, url: string) => void
  /** Puts a placeholder in place of a gated iframe that is not allowed yet; returns its undo. */
  placeholder?: (frame: HTMLIFrameElement) => () => void
  /** Told the category or service of each script that runs. */
  onRun?: (id: string) => void
}

/**
 * Elements the site marked with `data-consent` run or load once their category (or the service in
 * `data-consent-service`) is allowed: at start, on every change, and whenever such elements are added
 * later (single-page apps, blocks rendered late). Scripts run one after another in document order, each
 * external one after the previous has loaded, as they would without the widget. Returns a rescan.
 */
export function gateMarked($consent: ReadableAtom<Consent>, { nonce, setSrc, placeholder, onRun }: MarkedOptions): () => void {
  const started = new WeakSet<Element>()
  const placed = new WeakMap<Element, () => void>()
  const load = (element: HTMLScriptElement | HTMLIFrameElement | HTMLImageElement, url: string) =>
    setSrc && !(element instanceof HTMLImageElement) ? setSrc(element, url) : element.setAttribute('src', url)
  let queue = Promise.resolve()

  const scan = () => {
    const consent = $consent.get()
    for (const element of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (started.has(element)) continue
      if (!allows(consent, element)) {
        if (element instanceof HTMLIFrameElement && placeholder && !placed.has(element)) {
          placed.set(element, placeholder(element))
        }
        continue
      }
      started.add(element)
      placed.get(element)?.()
      if (element instanceof HTMLScriptElement) {
        for (const id of (element.dataset.consentService ?? element.dataset.consent!).split(/[\s,]+/)) onRun?.(id)
        queue = queue.then(() => run(element, nonce, load))
      }
      // Outside this callback: a frame the parser is still inserting drops a src set from an observer.
      else setTimeout(() => load(element as HTMLIFrameElement, element.dataset.src!))
    }
  }

  $consent.subscribe(scan)
  // What the parser adds after this start is looked at once the page is parsed (marked elements are
  // inert until then): observing the whole tree during the parse would cost the parser a record for
  // every node it adds. Then one observer for everything added later; a scan is cheap, so batch per
  // task rather than per node.
  let pending = false
  const observer = new MutationObserver(() => {
    if (pending) return
    pending = true
    queueMicrotask(() => {
      pending = false
      scan()
    })
  })
  whenParsed(() => (observer.observe(document, { childList: true, subtree: true }), scan()))
  return scan
}

/** Whether the consent allows a marked element; unknown ids never do (fail closed). */
function allows(consent: Consent, element: HTMLElement): boolean {
  const service = element.dataset.consentService
  if (service) return consent.services[service] === true
  return element.dataset.consent!.split(/[\s,]+/).every((id) => consent.categories[id] === true)
}

function run(element: HTMLScriptElement, nonce: string, load: (element: HTMLScriptElement, url: string) => void): Promise<void> {
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
      load(script, src)
      script.onload = script.onerror = () => resolve()
    } else {
      script.text = element.text
    }
    element.replaceWith(script)
    if (!src) resolve()
  })
}
