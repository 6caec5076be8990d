/**
 * Where trackers and widgets load from: a host (matching its subdomains) or a host with a path prefix.
 * Scripts and frames that other code inserts from these are held back until consent, whether or not
 * the config names the service (Tilda injects its own counters from Site Settings). Every preset's
 * hosts are here: a test keeps the two in step.
 */
export const SUSPECTS = [
  'mc.yandex.ru', 'mc.yandex.com', 'mc.webvisor.org', 'mc.webvisor.com', 'yastatic.net/metrika',
  'top-fwz1.mail.ru', 'top.mail.ru', 'vk.com/js/api/', 'vk.com/rtrg', 'vk.ru/js/api/', 'vk.ru/rtrg',
  'googletagmanager.com', 'google-analytics.com', 'connect.facebook.net',
  'widgets.mango-office.ru', 'dct.mango-office.ru', 'salebot.pro/js/', 'script.marquiz.ru',
  'bothelp.io/widget-folder/', 'gso.amocrm.ru', 'forms.amocrm.ru', 'image.sendsay.ru/app/js/forms/',
  'forms.yandex.ru', 'static.tildacdn.com/js/tilda-stat', 'static.tildacdn.one/js/tilda-stat',
]

/** Whether a URL comes from one of the places. Relative and malformed URLs resolve against the page. */
export function matches(url: string, places: readonly string[]): boolean {
  let parsed: URL
  try {
    parsed = new URL(url, location.href)
  } catch {
    return false
  }
  const host = parsed.hostname
  const path = host + parsed.pathname
  return places.some((place) =>
    place.includes('/') ? path.startsWith(place) || path.includes('.' + place) : host === place || host.endsWith('.' + place),
  )
}
