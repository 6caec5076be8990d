// One visit: a fresh browser context (no cookies), the landing page with one widget, the figures the
// page itself can give (paint, long tasks, layout shifts, resource timing), Chromium's script time
// from CDP, and then, optionally, a click on the banner and what the trackers do after it.
import { isTracker, stubOutside, TRACKERS } from './stubs.mjs'

const VISIBLE = 'bench:visible'
/** ms between the pointer's arrival on the button and the click. */
const HOVER = 250

/**
 * Injected before any script of the page. On every animation frame it notes when the frame began (the
 * rAF timestamp) and when its callbacks ran, and looks for the banner from a ResizeObserver callback,
 * which runs in the same frame right after layout: style and layout are clean there, so the check
 * forces no style or layout work of its own (work that CDP would not count as script). A task posted
 * from there runs once the frame is painted and notes when. The banner is visible in the first frame
 * after whose layout it has a non-zero size and is visible (not display:none, not visibility:hidden,
 * not opacity 0 on it or an ancestor). The poller stops once the banner is seen (for the baseline,
 * once the first contentful paint is known), or 8 s into the page, and keeps the time it spent,
 * which is taken off the page's wall-clock script time. It announces the banner on the console (not through a
 * round-trip into the page), so waiting for it costs the page no script, and only from the task after
 * the frame: with DevTools attached a console call is serialized for the client, work that would
 * otherwise lengthen the very frame whose long task is counted, and only on pages with a banner.
 */
const probe = (banner) => `(() => {
  if (location.protocol === 'about:') return;
  var find = function () { ${banner} };
  var bench = window.__bench = { visibleFrame: null, frames: [], pollMs: 0, clickAt: null, longTasks: [], shifts: [], painted: false };
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { bench.longTasks.push({ start: e.startTime, duration: e.duration }) });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      if (e.hadRecentInput) return;
      var rect = function (r) { return [r.x, r.y, r.width, r.height].map(Math.round).join(',') };
      var name = function (node) {
        if (!node) return '(gone)';
        var el = node.nodeType === 1 ? node : node.parentElement;
        if (!el) return node.nodeName;
        return (el.getRootNode() instanceof ShadowRoot ? 'shadow ' : '') + el.localName + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [].join.call(el.classList, '.') : '');
      };
      bench.shifts.push({ start: e.startTime, value: e.value, sources: (e.sources || []).map(function (s) {
        return name(s.node) + ' ' + rect(s.previousRect) + ' → ' + rect(s.currentRect);
      }) });
    });
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver(function () { bench.painted = true }).observe({ type: 'paint', buffered: true });
  var visible = function (el) {
    if (!el || !el.isConnected) return false;
    var box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  var frame = null;
  var channel = new MessageChannel();
  channel.port1.onmessage = function () {
    var start = performance.now();
    frame.rendered = start;
    if (bench.visibleFrame !== null) console.debug('${VISIBLE}');
    var done = bench.visibleFrame !== null || (bench.painted && ${banner === 'return null'}) || start > 8000;
    if (!done) requestAnimationFrame(tick);
    bench.pollMs += performance.now() - start;
  };
  var laidOut = new ResizeObserver(function () {
    var start = performance.now();
    laidOut.disconnect();
    frame.laidOut = start;
    if (visible(find())) {
      bench.visibleFrame = bench.frames.length - 1;
    }
    bench.pollMs += performance.now() - start;
  });
  var tick = function (time) {
    var start = performance.now();
    frame = { time: time, callback: start, laidOut: null, rendered: null };
    bench.frames.push(frame);
    if (document.documentElement) laidOut.observe(document.documentElement);
    channel.port2.postMessage(0);
    bench.pollMs += performance.now() - start;
  };
  requestAnimationFrame(tick);
  addEventListener('click', function (event) { if (bench.clickAt === null) bench.clickAt = event.timeStamp }, true);
})();`

function collect() {
  const bench = window.__bench
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]
  const nav = performance.getEntriesByType('navigation')[0]
  return {
    ...bench,
    fcp: fcp ? fcp.startTime : null,
    fcpPaintTime: fcp && 'paintTime' in fcp ? fcp.paintTime : null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    load: nav ? nav.loadEventEnd : null,
    resources: performance.getEntriesByType('resource').map((r) => ({
      url: r.name,
      start: r.startTime,
      end: r.responseEnd,
    })),
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const within = (promise, ms) => Promise.race([promise.then(() => true), sleep(ms).then(() => false)])

const trackersIn = (log) => log.filter((r) => isTracker(r.host))
const hostsIn = (log) => new Set(trackersIn(log).map((r) => r.host))
const both = (log) => Object.values(TRACKERS).every((h) => hostsIn(log).has(h))

/**
 * @param {{ throttle?: number, click?: 'accept' | 'reject', reload?: boolean, quiet?: number }} options
 *   throttle: CPU slowdown (CDP Emulation.setCPUThrottlingRate); click: which banner button to press
 *   after the figures are taken; reload: reload after the click and check the choice was kept;
 *   quiet: ms to wait after load and banner before the script time is read; profile: take a CDP CPU
 *   profile ({ interval } in µs); trace: record a Chromium trace of the load
 *   (devtools.timeline and V8's, or the categories given as an array).
 */
export async function visit(browser, server, widget, { throttle = 1, click, reload = false, quiet = 1000, profile, trace = false } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'ru-RU', viewport: { width: 1280, height: 800 } })
  try {
    const log = await stubOutside(context)
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (error) => errors.push(String(error)))
    await page.addInitScript(probe(widget.banner))
    // Two sessions, two clocks: wall time (DevTools' default) and the main thread's CPU time, which
    // other processes on a busy machine do not inflate. CPU throttling busy-waits on the main thread,
    // so at 4× its CPU time is what a four times slower CPU would spend.
    const cdp = await context.newCDPSession(page)
    const cpu = await context.newCDPSession(page)
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' })
    await cpu.send('Performance.enable', { timeDomain: 'threadTicks' })
    if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    if (profile) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: profile.interval ?? 100 })
      await cdp.send('Profiler.start')
    }
    if (trace) await browser.startTracing(page, { categories: Array.isArray(trace) ? trace : ['devtools.timeline', 'toplevel', 'v8', 'disabled-by-default-v8.compile'] })
    const before = { wall: await metrics(cdp), cpu: await metrics(cpu) }

    let seen = () => {}
    const shown = new Promise((resolve) => (seen = resolve))
    const onConsole = (message) => message.text() === VISIBLE && seen()
    page.on('console', onConsole)
    await page.goto(`${server.url}/${widget.id}.html`, { waitUntil: 'load' })
    const appeared = widget.id === 'baseline' ? false : await within(shown, 10_000)
    await sleep(quiet)
    const after = { wall: await metrics(cdp), cpu: await metrics(cpu) }
    const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : undefined
    const traceEvents = trace ? JSON.parse((await browser.stopTracing()).toString()).traceEvents : undefined
    const figures = await page.evaluate(collect)
    const spent = (metric, clock) => (after[clock][metric] - before[clock][metric]) * 1000
    const result = {
      appeared,
      // The probe's own time is measured in the page on the wall clock, so it comes off the wall-clock
      // figure only; on the CPU clock it stays in (well under a millisecond, in every page alike).
      scriptMs: spent('ScriptDuration', 'wall') - figures.pollMs,
      scriptCpuMs: spent('ScriptDuration', 'cpu'),
      pollMs: figures.pollMs,
      styleLayoutMs: spent('RecalcStyleDuration', 'cpu') + spent('LayoutDuration', 'cpu'),
      figures,
      trackersBeforeClick: trackersIn(log).length,
      errors,
      profile: cpuProfile,
      trace: traceEvents,
    }
    if (!click || !appeared) return result

    const button = widget[click](page)
    // Forced: the figures are taken, the banner has long stopped moving; this skips Playwright's
    // waits for a stable box, which cost seconds on a busy machine. The pointer arrives first, as a
    // visitor's does, a moment before the click.
    const pointerAt = await page.evaluate(() => performance.now())
    await button.hover({ timeout: 5000, force: true })
    await sleep(HOVER)
    // A tracker the pointer alone set off counts as one before the click.
    result.trackersBeforeClick = trackersIn(log).length
    const clickedAt = log.length
    await button.click({ timeout: 5000, force: true })
    const afterClick = () => log.slice(clickedAt)
    if (click === 'accept') {
      const deadline = Date.now() + 5000
      while (!both(afterClick()) && Date.now() < deadline) await sleep(20)
    }
    // After «reject» nothing should come: watch for a second before saying so.
    await sleep(click === 'accept' ? 200 : 1000)
    const clicked = await page.evaluate(() => ({
      clickAt: window.__bench.clickAt,
      resources: performance.getEntriesByType('resource').map((r) => ({ url: r.name, start: r.startTime })),
    }))
    const firstTracker = clicked.resources.filter((r) => r.start >= clicked.clickAt && isTracker(new URL(r.url).hostname))
    const trackerStart = firstTracker.length ? Math.min(...firstTracker.map((r) => r.start)) : null
    const own = (r) => new URL(r.url).origin === server.url
    result.click = {
      // What the widget fetched from its own server once the pointer came to the button, before the click.
      fetchedOnPointer: clicked.resources.filter((r) => r.start >= pointerAt && r.start < clicked.clickAt && own(r)).map((r) => new URL(r.url).pathname),
      toFirstTrackerMs: trackerStart === null ? null : trackerStart - clicked.clickAt,
      // What the widget fetched from its own server between the click and the first tracker request.
      fetchedBefore: clicked.resources
        .filter((r) => r.start >= clicked.clickAt && (trackerStart === null || r.start < trackerStart))
        .map((r) => new URL(r.url))
        .filter((url) => url.origin === server.url)
        .map((url) => url.pathname),
      trackerHosts: [...hostsIn(afterClick())],
      trackerRequests: trackersIn(afterClick()).length,
      both: both(afterClick()),
    }
    if (!reload) return result

    page.off('console', onConsole)
    const reloaded = new Promise((resolve) => (seen = resolve))
    page.on('console', onConsole)
    const reloadAt = log.length
    await page.reload({ waitUntil: 'load' })
    const again = await within(reloaded, 1500)
    if (click === 'accept') {
      const deadline = Date.now() + 3000
      while (!both(log.slice(reloadAt)) && Date.now() < deadline) await sleep(20)
    } else await sleep(1000)
    result.reload = {
      bannerShown: again,
      trackerHosts: [...hostsIn(log.slice(reloadAt))],
      both: both(log.slice(reloadAt)),
      trackerRequests: trackersIn(log.slice(reloadAt)).length,
    }
    return result
  } finally {
    await context.close()
  }
}

async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]))
}
