// Reading and writing the one consent cookie. Its name is limited by the config to letters, digits,
// "-" and "_", and its value (see cookie.ts) to the same plus ".", so neither needs encoding.

export interface CookieOptions {
  days: number
  path: string
  domain?: string
}

export function readCookie(name: string): string | undefined {
  // No regular expression: compiling one costs more at startup than this loop.
  for (const pair of document.cookie.split('; ')) if (pair.startsWith(name + '=')) return pair.slice(name.length + 1)
}

export function writeCookie(name: string, value: string, { days, path, domain }: CookieOptions): void {
  const secure = location.protocol === 'https:' ? '; Secure' : ''
  document.cookie = `${name}=${value}; Max-Age=${days * 86400}; Path=${path}${domain ? `; Domain=${domain}` : ''}; SameSite=Lax${secure}`
}
