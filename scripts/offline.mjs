// Nothing leaves the machine: the bench and the browser tests route every request of a browser
// context that goes to a host other than the loopback to an answer made here.

/** Safety net: the machine has no internet, and a run must never even try to resolve a name. */
export const NO_NAMES = 'MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost'

/**
 * Debian's Chromium (or CHROMIUM_PATH), headless, with none of its own traffic; `resolverRules` may map
 * test hosts to the loopback, every other name must still fail to resolve. `args` are added.
 */
export async function launchChromium({ resolverRules = NO_NAMES, args = [] } = {}) {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--host-resolver-rules=${resolverRules}`,
      ...args,
    ],
  })
}

export const isLoopback = (host) => ['127.0.0.1', 'localhost', '[::1]'].includes(host)

/**
 * Lets `context`'s loopback requests through and answers every other one with what
 * `answer(request, url)` returns: `{ status = 200, contentType, body = '', delay = 0 }` (delay: ms to
 * wait first). Answers are CORS-open and never cached.
 */
export async function routeOutside(context, answer) {
  await context.route('**/*', async (route) => {
    const request = route.request()
    const url = new URL(request.url())
    if (isLoopback(url.hostname)) return route.continue()
    const { status = 200, contentType, body = '', delay = 0 } = answer(request, url)
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay))
    await route
      .fulfill({
        status,
        body,
        headers: {
          ...(contentType ? { 'content-type': contentType } : {}),
          'access-control-allow-origin': '*',
          'cache-control': 'no-store',
        },
      })
      .catch(() => {}) // the page may be gone by then
  })
}
