// Nothing leaves the machine: Chromium resolves no name but the loopback, and every request to another
// host is answered here. The two tracker tags behave like the real ones as far as the bench can see:
// the tag defines its global, takes the queued calls and fires a hit request of its own.
import { launchChromium, routeOutside } from '../offline.mjs'

export const METRICA_TAG = 'https://mc.yandex.ru/metrika/tag.js'
export const TOP_MAIL_CODE = 'https://top-fwz1.mail.ru/js/code.js'

const js = (body) => ({ contentType: 'text/javascript; charset=utf-8', body })

const STUBS = new Map([
  [
    METRICA_TAG,
    js(`(function () {
  var ym = window.ym = window.ym || function () { (ym.a = ym.a || []).push(arguments) };
  var ids = (ym.a || []).filter(function (call) { return call[1] === 'init' }).map(function (call) { return call[0] });
  (ids.length ? ids : [0]).forEach(function (id) {
    new Image().src = 'https://mc.yandex.ru/watch/' + id + '?page-url=' + encodeURIComponent(location.href) + '&rn=' + Math.random();
  });
})();`),
  ],
  [
    TOP_MAIL_CODE,
    js(`(function () {
  var tmr = window._tmr = window._tmr || [];
  var ids = tmr.filter(function (item) { return item && item.id }).map(function (item) { return item.id });
  (ids.length ? ids : [0]).forEach(function (id) {
    new Image().src = 'https://top-fwz1.mail.ru/counter?id=' + id + ';js=13;r=' + encodeURIComponent(location.href) + ';rand=' + Math.random();
  });
})();`),
  ],
])

/** The host names whose requests count as tracking (the two trackers the page gates). */
export const TRACKERS = { metrica: 'mc.yandex.ru', vk: 'top-fwz1.mail.ru' }
export const isTracker = (host) => Object.values(TRACKERS).some((h) => host === h || host.endsWith('.' + h))

function reply(url, resourceType) {
  const stub = STUBS.get(url.origin + url.pathname)
  if (stub) return stub
  if (resourceType === 'script') return js('')
  if (resourceType === 'document') return { contentType: 'text/html', body: '' }
  return { status: 204 }
}

/**
 * Answers every non-loopback request of `context` with a stub and logs it. Returns the log:
 * `{ url, host, time }` (ms since the epoch, Node's clock) in the order the browser asked.
 */
export async function stubOutside(context) {
  const log = []
  await routeOutside(context, (request, url) => {
    log.push({ url: url.href, host: url.hostname, time: Date.now() })
    return reply(url, request.resourceType())
  })
  return log
}

/** Debian's Chromium, as the browser tests launch it: every name but the loopback fails to resolve. */
export const launch = () =>
  // navigator.webdriver stays false, as for a visitor: vanilla-cookieconsent hides from bots by it.
  launchChromium({ args: ['--disable-blink-features=AutomationControlled'] })
