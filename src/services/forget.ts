/**
 * Deletes a withdrawn service's first-party cookies and storage keys. Trackers write their cookies on
 * the registrable domain (`.example.ru`), so each cookie is deleted host-only and on every parent
 * domain; the browser refuses a public suffix (`.ru`, `.spb.ru`) by itself, so no suffix list is needed.
 */
export function forget(cookies: readonly string[], storage: readonly string[]): void {
  const names = document.cookie.split(/;\s*/).map((pair) => pair.split('=')[0]!)
  const labels = location.hostname.split('.')
  const domains = ['', ...labels.slice(0, -1).map((_, i) => `; Domain=.${labels.slice(i).join('.')}`)]
  for (const name of names.filter((name) => cookies.some((pattern) => like(name, pattern)))) {
    for (const domain of domains) document.cookie = `${name}=; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Path=/${domain}`
  }
  for (const store of [localStorage, sessionStorage]) {
    for (const key of Object.keys(store)) if (storage.some((pattern) => like(key, pattern))) store.removeItem(key)
  }
}

/** `*` stands for any run of characters; everything else is literal. */
export function like(name: string, pattern: string): boolean {
  const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.join('.*')}$`).test(name)
}
