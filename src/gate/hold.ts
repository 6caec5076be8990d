import { matches, SUSPECTS } from './hosts'

/** A script or frame held back: what it was about to load, and Tilda's mark if it had one. */
export interface Held {
  readonly element: HTMLScriptElement | HTMLIFrameElement
  readonly url?: string
  /** `data-tilda-cookie-type` of a held Tilda snippet: analytics, advertising, ... */
  readonly mark?: string
  released?: boolean
}

type Frameable = HTMLScriptElement | HTMLIFrameElement

export interface Holder {
  readonly held: Held[]
  /** Places to hold besides the known trackers (hosts of the config's custom services). */
  add(places: readonly string[]): void
  /** Called for each new hold, so a release policy that is already loaded can act at once. */
  onHold(listener: (held: Held) => void): void
  /** Lets a held element load as it meant to; for a frame or script the widget itself inserts, sets src. */
  release(held: Held): void
  setSrc(element: Frameable, url: string): void
  /** Auto-blocking switched off by the config: restores the page's own functions, lets everything go. */
  stop(): void
}

/**
 * Auto-blocking. Other code's scripts and frames from tracker hosts never start loading before
 * consent: the `src` setters, `setAttribute` and `setAttributeNS` are intercepted (all Russian tracker loaders insert a
 * script with createElement), and an observer catches tags written in the HTML after this script, and
 * Tilda's marked counter snippets, before the parser runs them. Release is decided elsewhere (the
 * services file), so until that loads, nothing held ever loads: it fails closed.
 */
export function hold(nonce: string): Holder {
  const places = [...SUSPECTS]
  const held: Held[] = []
  const listeners: ((held: Held) => void)[] = []
  const setters = new Map<object, (this: Element, value: string) => void>()
  // Elements the widget itself let through (consented): the observer must not take them for page tags.
  const trusted = new WeakSet<Element>()

  const keep = (entry: Held) => {
    // Tilda's counters create their script in a timer, away from the marked snippet: find the snippet
    // that names the script's host to learn its mark.
    if (!entry.mark && entry.url) {
      const host = new URL(entry.url, location.href).hostname
      const snippet = [...document.querySelectorAll<HTMLScriptElement>('script[data-tilda-cookie-type]')].find((s) =>
        s.text.includes(host),
      )
      entry = { ...entry, mark: snippet?.dataset.tildaCookieType }
    }
    held.push(entry)
    listeners.forEach((listener) => listener(entry))
  }
  const suspect = (element: Element, url: string) =>
    (element instanceof HTMLScriptElement || element instanceof HTMLIFrameElement) && matches(url, places)

  for (const proto of [HTMLScriptElement.prototype, HTMLIFrameElement.prototype]) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'src')!
    setters.set(proto, descriptor.set!)
    Object.defineProperty(proto, 'src', {
      ...descriptor,
      set(this: Frameable, url: string) {
        if (suspect(this, String(url))) keep({ element: this, url: String(url) })
        else descriptor.set!.call(this, url)
      },
    })
  }
  // setAttribute(name, value) and setAttributeNS(ns, name, value): the name and value sit at the end.
  const attributeSetters = (['setAttribute', 'setAttributeNS'] as const).map((key) => {
    const original = Element.prototype[key] as (this: Element, ...args: string[]) => void
    Element.prototype[key] = function (this: Element, ...args: string[]) {
      const [name, url] = args.slice(-2).map(String) as [string, string]
      if (name.toLowerCase() === 'src' && suspect(this, url)) keep({ element: this as Frameable, url })
      else original.apply(this, args)
    } as never
    return [key, original] as const
  })


  // Tags in the HTML: the parser lets observers run before it runs a script, so a changed type stops it.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLScriptElement) || node.type === 'text/plain' || trusted.has(node)) continue
        const mark = node.dataset.tildaCookieType
        const url = node.getAttribute('src') ?? undefined
        if (!mark && !(url && matches(url, places))) continue
        node.type = 'text/plain'
        node.dataset.soglasieHeld = ''
        keep({ element: node, url, mark })
      }
    }
  })
  observer.observe(document, { childList: true, subtree: true })

  const setSrc = (element: Frameable, url: string) => {
    trusted.add(element)
    setters.get(Object.getPrototypeOf(element))!.call(element, url)
  }

  const holder: Holder = {
    held,
    add: (more) => places.push(...more),
    onHold: (listener) => listeners.push(listener),
    setSrc,
    release(entry) {
      if (entry.released) return
      entry.released = true
      const { element, url } = entry
      if (!('soglasieHeld' in element.dataset)) return setSrc(element, url!)
      // A tag the parser already handled cannot start again: run a copy.
      const copy = document.createElement('script')
      for (const { name, value } of element.attributes) if (name !== 'type' && name !== 'src') copy.setAttribute(name, value)
      delete copy.dataset.soglasieHeld
      trusted.add(copy)
      copy.nonce = nonce
      if (url) setSrc(copy, url)
      else copy.text = (element as HTMLScriptElement).text
      element.replaceWith(copy)
    },
    stop() {
      observer.disconnect()
      for (const [key, original] of attributeSetters) Element.prototype[key] = original as never
      for (const [proto, set] of setters) Object.defineProperty(proto, 'src', { ...Object.getOwnPropertyDescriptor(proto, 'src'), set })
      held.forEach(holder.release)
    },
  }
  return holder
}
