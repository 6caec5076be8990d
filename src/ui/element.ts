type Child = Node | string | false | null | undefined

/** A tiny element builder for the parts painted before any framework loads. Strings become text nodes. */
export function element(tag: string, attributes: Record<string, string | undefined>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value)
  node.append(...(children.filter(Boolean) as (Node | string)[]))
  return node
}

export function button(label: string, onClick: () => void): HTMLElement {
  const node = element('button', { type: 'button' }, label)
  node.onclick = onClick
  return node
}

/** Runs `callback` once the page's HTML is parsed: at once, or at DOMContentLoaded. */
export const whenParsed = (callback: () => void): void =>
  document.readyState == 'loading' ? document.addEventListener('DOMContentLoaded', callback) : callback()

/** Runs `callback` once <body> exists: at once, or from the parser's task that adds it. */
export function whenBody(callback: () => void): void {
  if (document.body) return callback()
  const observer = new MutationObserver(() => document.body && (observer.disconnect(), callback()))
  observer.observe(document.documentElement, { childList: true })
}
