// Helpers for the gating-engine tests (gating.test.ts): fake trackers that behave like the real tags
// (they drain the queues page code filled before they loaded, fire one request per call, write cookies
// and storage), the snippets Tilda injects into its pages, and a Chromium in which *.example.ru resolves
// to the loopback, so that cookies can be written on a real registrable domain (.example.ru).
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { METRICA_TAG, TOP_MAIL_CODE, launchChromium, newVisitor, widgetPage, type StubReply, type TestServer, type Visitor } from './harness'

// ---------------------------------------------------------------------------------------------------
// Fake trackers

const js = (body: string): StubReply => ({ contentType: 'text/javascript; charset=utf-8', body })

export const VK_OPENAPI = 'https://vk.com/js/api/openapi.js'
export const LATE_SCRIPT = 'https://cdn.example.net/late.js'

/**
 * tag.js: replays `ym.a` (one request per call: init → `?hit`, reachGoal → `?goal=`, hit → `?hit2`; a
 * second init of the same counter is ignored, as the real tag does), then replaces `ym` by a function
 * that sends at once. Records every call in `__ymCalls`. Writes the cookies and storage keys the real
 * tag writes: `_ym_uid`, `_ym_d` on the registrable domain, `_ym_isad` host-only.
 */
const METRICA_JS = `(function () {
  window.__metricaLoaded = (window.__metricaLoaded || 0) + 1;
  var calls = window.__ymCalls = window.__ymCalls || [];
  var inited = {};
  var send = function (url) { new Image().src = url; };
  var call = function (args) {
    args = [].slice.call(args);
    var id = args[0], method = args[1];
    calls.push([id, method, args[2]]);
    var base = 'https://mc.yandex.ru/watch/' + id;
    if (method === 'init') { if (!inited[id]) { inited[id] = true; send(base + '?hit'); } }
    else if (method === 'reachGoal') send(base + '?goal=' + args[2]);
    else if (method === 'hit') send(base + '?hit2');
  };
  var queued = (window.ym && window.ym.a) || [];
  window.ym = function () { call(arguments); };
  for (var i = 0; i < queued.length; i++) call(queued[i]);
  document.cookie = '_ym_uid=1700000000123456789; domain=.example.ru; path=/; max-age=31536000';
  document.cookie = '_ym_d=1700000000; domain=.example.ru; path=/; max-age=31536000';
  document.cookie = '_ym_isad=2; path=/; max-age=86400';
  localStorage.setItem('_ym_uid', '"1700000000123456789"');
  localStorage.setItem('_ym123_lsid', '42');
  localStorage.setItem('zz', '1');
  sessionStorage.setItem('_ym_debugger_state', '{}');
})();`

/** code.js: replays `_tmr` (pageView → `;pv`, reachGoal → `;goal=`), then sends pushes at once. */
const TMR_JS = `(function () {
  window.__tmrLoaded = (window.__tmrLoaded || 0) + 1;
  var send = function (e) {
    if (!e || !e.id) return;
    var base = 'https://top-fwz1.mail.ru/counter?id=' + e.id;
    if (e.type === 'pageView') new Image().src = base + ';pv';
    else if (e.type === 'reachGoal') new Image().src = base + ';goal=' + e.goal;
  };
  var queue = window._tmr = window._tmr || [];
  queue.splice(0).forEach(send);
  queue.push = function (e) { send(e); return 0; };
  document.cookie = 'tmr_lvid=0123456789abcdef; domain=.example.ru; path=/; max-age=31536000';
})();`

/** openapi.js: `VK.Retargeting.Init(id)` then `Hit()` sends `vk.com/rtrg?p=<id>`. */
const VK_JS = `(function () {
  window.__vkLoaded = (window.__vkLoaded || 0) + 1;
  var pixel = null;
  window.VK = window.VK || {};
  window.VK.Retargeting = {
    Init: function (id) { pixel = id; },
    Hit: function () { if (pixel) new Image().src = 'https://vk.com/rtrg?p=' + pixel; },
  };
})();`

/** A harmless script that a late marked element loads: records that it ran. */
const LATE_JS = `(window.__ran = window.__ran || []).push('late-external');`

/** Registers the realistic trackers on a visitor (they win over the harness's simpler defaults). */
export function realTrackers(visitor: Visitor): Visitor {
  visitor.stub(METRICA_TAG, js(METRICA_JS))
  visitor.stub(TOP_MAIL_CODE, js(TMR_JS))
  visitor.stub(VK_OPENAPI, js(VK_JS))
  visitor.stub(LATE_SCRIPT, js(LATE_JS))
  return visitor
}

declare global {
  interface Window {
    __ymCalls?: [number, string, unknown][]
    __tmrLoaded?: number
    __vkLoaded?: number
  }
}

// ---------------------------------------------------------------------------------------------------
// Tilda's page: the counters of Site Settings, injected by Tilda at the end of <body>, 2 s after load

export const TILDA_METRICA_ID = 87654321
export const TILDA_VK_PIXEL = 'VK-RTRG-1234567-AbCdE'
export const TILDA_TMR_ID = '3456789'

/** Yandex Metrica, exactly as Tilda injects it. */
export const tildaMetrica = (id = TILDA_METRICA_ID) =>
  `<script data-tilda-cookie-type="analytics">setTimeout(function(){ (function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)}; m[i].l=1*new Date(); k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})(window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym"); ym(${id}, "init", {clickmap:true, trackLinks:true, accurateTrackBounce:true}); }, 2000);</script>`

/** The VK pixel (retargeting): openapi.js, Init and Hit in its onload. */
export const tildaVkPixel = (id = TILDA_VK_PIXEL) =>
  `<script data-tilda-cookie-type="advertising">setTimeout(function(){ !function(){var t=document.createElement("script");t.type="text/javascript",t.async=!0,t.src="https://vk.com/js/api/openapi.js?169",t.onload=function(){VK.Retargeting.Init("${id}"),VK.Retargeting.Hit()},document.head.appendChild(t)}(); }, 2000);</script>`

/** The VK Ads pixel (Top.Mail.Ru's code.js and its `_tmr` queue). */
export const tildaTopMail = (id = TILDA_TMR_ID) =>
  `<script data-tilda-cookie-type="advertising">setTimeout(function(){ var _tmr = window._tmr || (window._tmr = []); _tmr.push({id: "${id}", type: "pageView", start: (new Date()).getTime()}); (function (d, w, id) { if (d.getElementById(id)) return; var ts = d.createElement("script"); ts.type = "text/javascript"; ts.async = true; ts.id = id; ts.src = "https://top-fwz1.mail.ru/js/code.js"; var f = function () {var s = d.getElementsByTagName("script")[0]; s.parentNode.insertBefore(ts, s);}; f(); })(document, window, "tmr-code"); }, 2000);</script>`

/** Like tilda-events: sends goals through the vendors' queues before any counter (or consent) is there. */
export const tildaEvents = (metrica = TILDA_METRICA_ID, tmr = TILDA_TMR_ID) =>
  `<script>/* tilda-events */ window.ym = window.ym || function(){(window.ym.a = window.ym.a || []).push(arguments)}; ym(${metrica}, 'reachGoal', 'lead'); (window._tmr = window._tmr || []).push({type: 'reachGoal', id: '${tmr}', goal: 'lead'});</script>`

/** The body of a Tilda page: content, tilda-events, then the three counters at the end of <body>. */
export const TILDA_BODY = [
  '<div class="t-records"><h1>Магазин</h1><p>Страница Tilda</p></div>',
  tildaEvents(),
  tildaMetrica(),
  tildaVkPixel(),
  tildaTopMail(),
].join('\n')

/** A Tilda page with the widget first in <head>; `extra` goes before Tilda's counters. */
export const tildaPage = (config: unknown, extra = '') =>
  widgetPage({ config, body: extra + '\n' + TILDA_BODY })

/** Tilda's timers fire 2 s after the snippets run: wait past them. */
export const PAST_TILDA_TIMERS = 3500

// ---------------------------------------------------------------------------------------------------
// A real registrable domain: www.shop.example.ru → the loopback server

export const DOMAIN_HOST = 'www.shop.example.ru'
const isDomain = (host: string) => host === 'example.ru' || host.endsWith('.example.ru')

export interface DomainEnv {
  /** e.g. http://www.shop.example.ru:40123 (the harness server's port) */
  origin(server: TestServer): string
  /**
   * A fresh visitor in a Chromium that resolves *.example.ru to 127.0.0.1; *.example.ru goes to the
   * loopback server, every other non-loopback request is stubbed and logged as in the harness.
   */
  visitor(server: TestServer): Promise<Visitor>
}

/** One extra Chromium per test file; its visitors are closed after each test, which fails if anything escaped. */
export function useDomainEnv(): DomainEnv {
  let browser: Browser | undefined
  let visitors: Visitor[] = []
  beforeAll(async () => {
    // *.example.ru resolves to the loopback; every other name still fails, so nothing reaches the network.
    browser = await launchChromium('MAP *.example.ru 127.0.0.1, MAP example.ru 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost')
  })
  afterEach(async () => {
    const current = visitors
    visitors = []
    const escaped = current.flatMap((v) => v.unstubbed()).filter((url) => !isDomain(new URL(url).hostname))
    await Promise.all(current.map((v) => v.context.close()))
    if (escaped.length) throw new Error(`requests left the stubs (must never happen):\n  ${escaped.join('\n  ')}`)
  })
  afterAll(async () => {
    await browser?.close()
  })
  return {
    origin: (server) => `http://${DOMAIN_HOST}:${new URL(server.url).port}`,
    async visitor(server) {
      if (!browser) throw new Error('the browser starts in beforeAll')
      const visitor = await newVisitor(browser, server)
      visitors.push(visitor)
      // Registered last, so it runs first: the site's own domain reaches the loopback server.
      await visitor.context.route(
        (url) => isDomain(url.hostname),
        (route) => route.continue(),
      )
      return visitor
    },
  }
}
