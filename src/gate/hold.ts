import { matches, SUSPECTS } from './hosts'
import { watchParsed } from './watch'

/** A script or frame held back: what it was about to load, and Tilda's mark if it had one. */
export interface Held {
  readonly element: HTMLScriptElement | HTMLIFrameElement
  readonly url?: string
  /** `data-tilda-cookie-type` of a held Tilda snippet: analytics, advertising, ... */
  readonly mark?: string
  released?: boolean
}

type Frameable = HTMLScriptElement | HTMLIFrameElement
const TAGS = 'script,iframe'

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
  // Scripts and frames the observer has looked at, and those the widget itself let through (consented):
  // each is judged once.
  const seen = new WeakSet<Element>()

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
  const suspect = (element: unknown, url: string): element is Frameable =>
    (element instanceof HTMLScriptElement || element instanceof HTMLIFrameElement) && matches(url, places)

  // Every function replaced here, with the way to put it back (`stop`).
  const undo: (() => void)[] = []
  // The originals are called with the wrapper's own `this` and arguments, whatever they are.
  type Fn = (this: unknown, ...args: unknown[]) => unknown
  const patch = (target: object, key: string, wrap: (original: Fn) => Fn, accessor?: 'set') => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!
    const original = accessor ? descriptor.set! : descriptor.value
    Object.defineProperty(target, key, { ...descriptor, [accessor ?? 'value']: wrap(original) })
    undo.push(() => Object.defineProperty(target, key, descriptor))
    return original
  }

  for (const proto of [HTMLScriptElement.prototype, HTMLIFrameElement.prototype]) {
    const set = patch(proto, 'src', (set) => function (url) {
      if (suspect(this, String(url))) keep({ element: this, url: String(url) })
      else set.call(this, url)
    }, 'set')
    setters.set(proto, set)
  }
  // setAttribute(name, value) and setAttributeNS(ns, name, value): the name and value sit at the end.
  for (const key of ['setAttribute', 'setAttributeNS']) {
    patch(Element.prototype, key, (original) => function (...args) {
      const [name, url] = args.slice(-2).map(String) as [string, string]
      if (name.toLowerCase() === 'src' && suspect(this, url)) keep({ element: this, url })
      else original.apply(this, args)
    })
  }

  // HTML strings (document.write, innerHTML) start loading their scripts and frames inside the call,
  // before any observer: a tracker's src is renamed before the browser parses it. What document.write
  // adds goes where the parser is, which the observer sees; what innerHTML adds is held after the call.
  const defuse = (html: unknown) =>
    String(html).replace(/(<(?:script|iframe)\b[^>]*?\s)src(\s*=\s*["']?)([^"'\s>]+)/gi, (tag, head, equals, url) =>
      matches(url, places) ? `${head}data-soglasie-src${equals}${url}` : tag,
    )
  patch(Document.prototype, 'write', (write) => function (...html: unknown[]) {
    write.apply(this, html.map(defuse))
  })
  patch(Element.prototype, 'innerHTML', (set) => function (html) {
    set.call(this, defuse(html))
    scan(this as Element)
  }, 'set')
  // A fragment from createContextualFragment runs its scripts, unlike innerHTML: they are changed
  // before the fragment reaches the page.
  patch(Range.prototype, 'createContextualFragment', (create) => function (html) {
    const fragment = create.call(this, html) as DocumentFragment
    scan(fragment)
    return fragment
  })

  // Tags in the page's HTML: a parser-inserted script waits for observers before it runs, so a changed
  // type stops it.
  function intercept(node: HTMLScriptElement | HTMLIFrameElement): void {
    if (seen.has(node)) return
    seen.add(node)
    const url = node.getAttribute('src') ?? node.dataset.soglasieSrc
    if (node instanceof HTMLIFrameElement) {
      // The mark left by a defused HTML string is consumed: the frame is held by its url from here on.
      if (node.dataset.soglasieSrc) keep({ element: node, url }), delete node.dataset.soglasieSrc
      return
    }
    const mark = node.dataset.tildaCookieType
    if (node.type === 'text/plain' || (!mark && !(url && matches(url, places)))) return
    node.type = 'text/plain'
    node.dataset.soglasieHeld = ''
    keep({ element: node, url, mark })
  }
  const scan = (root: ParentNode) => root.querySelectorAll<Frameable>(TAGS).forEach(intercept)
  const watcher = watchParsed((added) => (added.matches(TAGS) ? intercept(added as Frameable) : scan(added)))

  const setSrc = (element: Frameable, url: string) => {
    seen.add(element)
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
      delete copy.dataset.soglasieSrc
      seen.add(copy)
      copy.nonce = nonce
      if (url) setSrc(copy, url)
      else copy.text = (element as HTMLScriptElement).text
      element.replaceWith(copy)
    },
    stop() {
      watcher.disconnect()
      undo.forEach((put) => put())
      held.forEach(holder.release)
    },
  }
  return holder
}
