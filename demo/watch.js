// The demo's instruments, not part of the site: the first script on the page, before the widget.
// - Puts the stand-ins (a service worker, /stand-ins.js) in charge of every request to a host outside
//   this machine. A page the worker does not control (the first visit, Shift+Reload) is stopped and
//   loaded again once the worker is active, so not even a returning visitor's trackers can reach the
//   internet.
// - Records every outside request with its time since the page started: as the worker reports it, and
//   as the browser's own resource timing sees it, so a request that went past the worker shows up too.
// - Sends frames for outside hosts to a local stand-in page: a worker cannot answer another site's
//   frame (a frame's navigation belongs to the worker of the frame's own origin).
// - Keeps links to outside sites from opening: the demo runs without the internet.
// demo.js renders what this records, in the panel.
;(function () {
  'use strict'
  const records = []
  const listeners = []
  const state = { consent: null, allowedSince: null }
  const changed = () => listeners.forEach((listener) => listener())
  const now = () => performance.now()

  window.demoWatch = {
    records,
    state,
    subscribe: (listener) => listeners.push(listener),
  }

  // ---------------------------------------------------------------------------------------------
  // The stand-ins in charge

  const worker = navigator.serviceWorker
  if (worker) {
    // Set before anything else: the worker's reports wait in a queue until this listener exists.
    worker.onmessage = (event) => {
      if (event.data && event.data.source === 'soglasie-demo-stand-ins') fromWorker(event.data)
    }
  }
  const registered = worker?.register('/stand-ins.js', { scope: '/' })
  registered?.catch(() => {})
  // Stops the page before anything else on it runs (the widget, the site's scripts, the panel); says why.
  const halt = (text) => {
    window.stop()
    document.getElementById('demo-halt')?.remove()
    const note = document.createElement('p')
    note.id = 'demo-halt'
    note.style.cssText = 'font: 18px/1.5 system-ui, sans-serif; max-width: 640px; margin: 40px auto'
    note.textContent = text
    document.documentElement.append(note)
  }
  const NOT_RUNNING =
    'Демо остановлено: заглушки трекеров (Service Worker) не запустились, а без них трекеры после согласия ' +
    'обратились бы в интернет. Откройте демо по адресу http://127.0.0.1 или http://localhost в Chromium, Firefox или ' +
    'Safari не в приватном режиме.'
  const takeovers = Number(sessionStorage.getItem('demo:takeovers') || 0)
  if (worker?.controller) {
    sessionStorage.removeItem('demo:takeovers')
  } else if (worker && takeovers < 3) {
    // Once the worker is active, a page loaded again (not force-reloaded) is loaded under it.
    sessionStorage.setItem('demo:takeovers', String(takeovers + 1))
    halt('Подключаем заглушки трекеров…')
    // Not after `registered`: on a force-reloaded page registering may not settle while it is stopped.
    worker.ready.then(() => location.reload())
    registered.catch(() => halt(NOT_RUNNING))
    return
  } else {
    // Without the stand-ins the widget would let trackers reach the internet after consent.
    halt(NOT_RUNNING)
    return
  }

  // ---------------------------------------------------------------------------------------------
  // Records

  const outside = (url) => {
    try {
      const parsed = new URL(url, location.href)
      return /^https?:$/.test(parsed.protocol) && parsed.origin !== location.origin && !self.demoIsLoopback(parsed.hostname)
    } catch {
      return false
    }
  }

  const add = (record) => {
    const host = new URL(record.url).hostname
    const full = { host, vendor: self.demoVendor(host), worker: false, timing: false, frame: false, ...record }
    full.unconsented = state.allowedSince === null || full.time < state.allowedSince
    records.push(full)
    records.sort((a, b) => a.time - b.time)
    changed()
    return full
  }

  // The worker's report and the resource timing entry describe one request: whichever comes second
  // joins the first.
  const join = (url, source) => records.find((r) => r.url === url && !r[source] && (source === 'worker' ? r.timing : r.worker))

  function fromWorker(report) {
    const time = report.time - performance.timeOrigin
    const known = join(report.url, 'worker')
    if (known) {
      Object.assign(known, { worker: true, kind: report.destination || known.kind, answer: report.answer })
      changed()
    } else {
      add({ url: report.url, time, kind: report.destination || 'fetch', worker: true, answer: report.answer })
    }
  }

  function fromTiming(entry) {
    if (!outside(entry.name)) return
    const known = join(entry.name, 'timing')
    if (known) {
      known.timing = true
      changed()
    } else {
      add({ url: entry.name, time: entry.startTime, kind: entry.initiatorType, timing: true })
    }
  }

  try {
    new PerformanceObserver((list) => list.getEntries().forEach(fromTiming)).observe({ type: 'resource', buffered: true })
  } catch {
    // No resource timing: the worker's reports alone.
  }

  // ---------------------------------------------------------------------------------------------
  // Consent, as the widget announces it

  // Services of the necessary category are always on; any other one on (a placeholder's click allows
  // just one service, without a banner decision) means consent to something optional.
  let necessary = null
  const necessaryServices = () => {
    if (necessary) return necessary
    const config = JSON.parse(document.getElementById('soglasie-config')?.textContent || '{}')
    necessary = new Set(Object.entries(config.services || {}).filter(([, s]) => s.category === 'necessary').map(([id]) => id))
    return necessary
  }
  const allowsAnything = (consent) =>
    Object.entries(consent.categories).some(([id, on]) => id !== 'necessary' && on) ||
    Object.entries(consent.services).some(([id, on]) => on && !necessaryServices().has(id))

  const follow = (consent, at) => {
    state.consent = consent
    const allows = allowsAnything(consent)
    if (allows && state.allowedSince === null) state.allowedSince = at
    if (!allows) state.allowedSince = null
    changed()
  }
  addEventListener('soglasie:ready', () => follow(window.Soglasie.getConsent(), 0))
  addEventListener('soglasie:change', (event) => follow(event.detail, now()))

  // ---------------------------------------------------------------------------------------------
  // Frames for outside hosts: a local stand-in page instead

  const frameSrc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src')
  const standInFrame = (url) => {
    if (!outside(String(url))) return url
    add({ url: new URL(String(url), location.href).href, time: now(), kind: 'iframe', frame: true })
    return '/demo/frame.html?src=' + encodeURIComponent(String(url))
  }
  Object.defineProperty(HTMLIFrameElement.prototype, 'src', {
    ...frameSrc,
    set(url) {
      frameSrc.set.call(this, standInFrame(url))
    },
  })
  const setAttribute = Element.prototype.setAttribute
  Element.prototype.setAttribute = function (name, value) {
    if (this instanceof HTMLIFrameElement && String(name).toLowerCase() === 'src') value = standInFrame(value)
    return setAttribute.call(this, name, value)
  }

  // ---------------------------------------------------------------------------------------------
  // Links to outside sites (the policy's, the processors') stay closed; a note says why

  const guard = (event) => {
    if (event.defaultPrevented) return
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.href)
    if (!link || !outside(link.href)) return
    event.preventDefault()
    window.demoNote?.(`Демо работает без интернета: ссылка ${link.href} не открывается.`)
  }
  // Bubbling, so the widget's own handlers (a policy link that opens the dialog) act first.
  addEventListener('click', guard)
  addEventListener('auxclick', guard)
})()
