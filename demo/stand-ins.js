// The demo's stand-ins for trackers: a service worker (served at /stand-ins.js, scope /) that answers
// every request the page makes to a host outside this machine, so the demo works offline and nothing
// ever reaches the internet. Tracker scripts are answered with small scripts that behave like the real
// tags (they define the vendor's globals, replay the queues page code filled, write the first-party
// cookies and fire hits, which come back here in turn); pixels with a 1×1 GIF; anything else with an
// empty answer. Every request is reported to the page that made it, which lists it in its panel.
importScripts('/demo/trackers.js')

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (!/^https?:$/.test(url.protocol) || url.origin === self.location.origin || self.demoIsLoopback(url.hostname)) return
  event.respondWith(answer(event.request, url))
  event.waitUntil(report(event, url))
})

async function report(event, url) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null
  client?.postMessage({
    source: 'soglasie-demo-stand-ins',
    url: url.href,
    destination: event.request.destination,
    time: performance.timeOrigin + performance.now(),
    answer: kindOfAnswer(event.request, url),
  })
}

/** What answer() gives: a stand-in script, or an empty answer of the requested kind. */
function kindOfAnswer(request, url) {
  if (STAND_INS[url.hostname + url.pathname]) return 'stand-in'
  return { script: 'empty-script', image: 'gif', style: 'css' }[request.destination] ?? 'empty'
}

const GIF = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0))

function answer(request, url) {
  const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store', 'timing-allow-origin': '*' }
  switch (kindOfAnswer(request, url)) {
    case 'stand-in':
      return new Response(script(STAND_INS[url.hostname + url.pathname]), { headers: { ...headers, 'content-type': 'text/javascript; charset=utf-8' } })
    case 'empty-script':
      return new Response('/* stand-in: nothing to run */', { headers: { ...headers, 'content-type': 'text/javascript; charset=utf-8' } })
    case 'gif':
      return new Response(GIF, { headers: { ...headers, 'content-type': 'image/gif' } })
    case 'css':
      return new Response('', { headers: { ...headers, 'content-type': 'text/css; charset=utf-8' } })
    default:
      return new Response(null, { status: 204, headers })
  }
}

/** A stand-in's source: its function, called with the helpers every vendor's tag has in some form. */
const script = (standIn) => `/* Soglasie demo: a stand-in for ${standIn.name}, not the vendor's code */
(${standIn})((${kit})());`

// ---------------------------------------------------------------------------------------------------
// What the stand-ins share. These functions run in the page, not here: only their source is sent.

function kit() {
  const dock = () => {
    let column = document.getElementById('demo-vendor-dock')
    if (!column) {
      column = document.createElement('div')
      column.id = 'demo-vendor-dock'
      document.body.append(column)
    }
    return column
  }
  return {
    /** A hit as an image request, the way counters send them. */
    pixel(url) {
      new Image().src = url
    },
    /** A request whose answer nobody reads (settings, events). */
    ping(url) {
      fetch(url, { mode: 'no-cors', credentials: 'include' }).catch(() => {})
    },
    /** A first-party cookie on this site, as the vendor's tag writes it. */
    cookie(name, value, days) {
      document.cookie = `${name}=${value}; path=/; max-age=${Math.round(days * 86400)}; SameSite=Lax`
    },
    hasCookie: (name) => document.cookie.split('; ').some((pair) => pair.startsWith(name + '=')),
    /** A widget's floating button, in one column at the bottom right, marked as a stand-in. */
    button(label, color, onClick) {
      const button = document.createElement('button')
      button.type = 'button'
      button.className = 'demo-vendor-button'
      button.style.background = color
      button.textContent = label
      button.title = 'Заглушка виджета: настоящий скрипт не загружался'
      button.addEventListener('click', () => onClick(button))
      dock().append(button)
      return button
    },
    args: (list) => Array.prototype.slice.call(list),
    page: () => encodeURIComponent(location.href.split('#')[0]),
  }
}

// ---------------------------------------------------------------------------------------------------
// The stand-ins, by the URL (host and path) the vendor's snippet loads.

/** mc.yandex.ru/metrika/tag.js: replays `ym.a`, then sends each call at once. */
function yandexMetrica(k) {
  const queued = (window.ym && window.ym.a) || []
  const counters = {}
  const watch = (id, params) =>
    k.pixel(`https://mc.yandex.ru/watch/${id}?wmode=7&page-url=${params.url || k.page()}&page-ref=${encodeURIComponent(document.referrer)}` +
      (params.goal ? '&goal=' + encodeURIComponent(params.goal) : ''))
  const call = (args) => {
    const [id, method, value] = args
    if (method === 'init') return init(id, value || {})
    if (!counters[id]) return
    if (method === 'reachGoal') watch(id, { goal: value, url: encodeURIComponent(`goal://${location.host}/${value}`) })
    else if (method === 'hit') watch(id, { url: encodeURIComponent(value || location.href) })
  }
  const init = (id, options) => {
    // The official opt-out: no cookies, nothing sent.
    if (counters[id] || window['disableYaCounter' + id]) return
    counters[id] = options
    if (!k.hasCookie('_ym_uid')) {
      const uid = String(Math.floor(Date.now() / 1000)) + String(Math.random()).slice(2, 11)
      k.cookie('_ym_uid', uid, 365)
      k.cookie('_ym_d', Math.floor(Date.now() / 1000), 365)
      localStorage.setItem('_ym_uid', JSON.stringify(uid))
    }
    k.cookie('_ym_isad', 2, 2)
    window['yaCounter' + id] = {
      reachGoal: (goal) => call([id, 'reachGoal', goal]),
      hit: (url) => call([id, 'hit', url]),
    }
    if (!options.defer) watch(id, {})
  }
  const ym = function () {
    call(k.args(arguments))
  }
  ym.l = (window.ym && window.ym.l) || Date.now()
  window.ym = ym
  queued.forEach((args) => call(k.args(args)))
}

/** top-fwz1.mail.ru/js/code.js (the VK Ads pixel): replays `_tmr`, then sends each push at once. */
function topMailRu(k) {
  const queue = (window._tmr = window._tmr || [])
  const send = (event) => {
    if (!event || !event.id) return
    const what = event.type === 'pageView' ? 'e=RT%2Fload' : event.type === 'reachGoal' ? 'e=RG%2F' + encodeURIComponent(event.goal) : ''
    if (what) k.pixel(`https://top-fwz1.mail.ru/counter?id=${event.id};js=13;${what};u=${k.page()}`)
  }
  if (!k.hasCookie('tmr_lvid')) {
    k.cookie('tmr_lvid', Math.random().toString(16).slice(2, 18), 365)
    k.cookie('tmr_lvidTS', Date.now(), 365)
  }
  queue.splice(0).forEach(send)
  queue.push = (event) => (send(event), 0)
}

/** vk.com/js/api/openapi.js: the retargeting pixel's `VK.Retargeting`. */
function vkOpenApi(k) {
  let pixel = null
  const hit = (extra) => pixel && k.pixel(`https://vk.com/rtrg?p=${pixel}${extra}`)
  window.VK = window.VK || {}
  window.VK.Retargeting = {
    Init: (id) => {
      pixel = id
    },
    Hit: () => hit(''),
    Event: (name) => hit('&event=' + encodeURIComponent(name)),
    ProductEvent: (_price, name) => hit('&event=' + encodeURIComponent(name)),
  }
  window.VK.Goal = (name) => hit('&event=' + encodeURIComponent(name))
}

/** widgets.mango-office.ru/widgets/mango.js: call tracking swaps the marked phone numbers. */
function mangoOffice(k) {
  const name = window.MangoObject || 'mgo'
  const queued = (window[name] && window[name].q) || []
  const run = (settings) => {
    const tracking = settings && settings.calltracking
    if (tracking) {
      if (!k.hasCookie('mgo_uid')) k.cookie('mgo_uid', Math.random().toString(36).slice(2), 365)
      k.cookie('mgo_sb_current', 'typ%3Dtypein', 0.02)
      k.ping(`https://widgets.mango-office.ru/widgets/calltracking/${tracking.id}?page=${k.page()}`)
      for (const { selector } of tracking.elements || []) {
        for (const element of document.querySelectorAll(selector)) {
          element.title = 'Номер подменён коллтрекингом Mango Office (заглушка)'
          element.textContent = '+7 (812) 000-00-15'
        }
      }
    }
    if (settings && settings.multichannel) {
      k.button('Обратный звонок', '#ff6a00', () => k.ping(`https://widgets.mango-office.ru/widgets/callback/${settings.multichannel.id}`))
    }
  }
  window[name] = (settings) => run(settings)
  queued.forEach((args) => run(k.args(args)[0]))
}

/** salebot.pro/js/salebot.js: the online chat. */
function salebot(k) {
  window.SaleBotPro = {
    init({ onlineChatId }) {
      k.ping(`https://salebot.pro/online_chat/${onlineChatId}/settings`)
      k.button('Чат с нами', '#1f8ef1', (button) => {
        k.ping(`https://salebot.pro/online_chat/${onlineChatId}/open`)
        button.textContent = 'Чат открыт (заглушка)'
      })
    },
  }
}

/** script.marquiz.ru/v2.js: the quiz button. */
function marquiz(k) {
  window.Marquiz = {
    init(options) {
      const host = 'https:' + String(options.host || '//quiz.marquiz.ru')
      k.ping(`${host}/api/v1/quizzes/${options.id}/info`)
      k.button('Пройти тест: подберём решение', '#7b3fe4', (button) => {
        k.ping(`${host}/api/v1/quizzes/${options.id}/open`)
        button.textContent = 'Квиз открыт (заглушка)'
      })
    },
    add() {},
    showModal() {},
  }
}

/** bothelp.io/widget-folder/widget-page.js: messenger buttons. */
function bothelp(k) {
  window.BhWidgetPage = {
    init: function (settings) {
      const types = ((settings && settings.buttons) || []).map((b) => b.type).join(',')
      k.ping(`https://bothelp.io/widget-folder/widget-data?buttons=${encodeURIComponent(types)}`)
      k.button('Написать в Telegram', '#2aa3df', () => k.ping('https://r.bothelp.io/tg?domain=demo'))
    },
  }
}

/** gso.amocrm.ru/js/button.js: the chat button. */
function amocrm(k) {
  const settings = window.amo_social_button || {}
  k.ping(`https://gso.amocrm.ru/api/button/${settings.id}/settings`)
  k.button('Чат amoCRM', '#2c3e50', () => k.ping(`https://gso.amocrm.ru/api/button/${settings.id}/open`))
}

/** image.sendsay.ru/app/js/forms/forms.min.js: subscription forms (embedded and popups). */
function sendsay(k) {
  const style = document.createElement('link')
  style.rel = 'stylesheet'
  style.href = 'https://image.sendsay.ru/app/js/forms/forms.css'
  document.head.append(style)
  const popup = (url) => (k.ping(url), { stopWatcher() {}, runWatcher() {} })
  window.SENDSAY = { activatePopup: popup, showPopup: popup }
  for (const slot of document.querySelectorAll('[data-sendsay-form-embedded]')) {
    const form = slot.getAttribute('data-sendsay-form-embedded')
    k.ping(`https://sendsay.ru/form/${form}`)
    const email = document.createElement('input')
    email.type = 'email'
    email.placeholder = 'E-mail'
    email.className = 'demo-sendsay-email'
    const send = document.createElement('button')
    send.type = 'button'
    send.className = 't-btn demo-sendsay-send'
    send.textContent = 'Подписаться'
    send.addEventListener('click', () => {
      // A stand-in: it says that it would send, and sends nothing that holds the address.
      k.ping(`https://sendsay.ru/form/${form}/submit`)
      send.textContent = 'Готово (заглушка: письмо не уйдёт)'
    })
    slot.replaceChildren(email, send)
  }
}

/** forms.yandex.ru/_static/embed.js: resizes the form frames; sends nothing by itself. */
function yandexFormsEmbed() {
  window.addEventListener('message', (event) => {
    const data = event.data
    if (!data || data.type !== 'ya-form-height') return
    for (const frame of document.querySelectorAll('iframe[name^="ya-form-"]')) {
      if (frame.contentWindow === event.source) frame.style.height = data.height + 'px'
    }
  })
}

const STAND_INS = {
  'mc.yandex.ru/metrika/tag.js': yandexMetrica,
  'top-fwz1.mail.ru/js/code.js': topMailRu,
  'vk.com/js/api/openapi.js': vkOpenApi,
  'widgets.mango-office.ru/widgets/mango.js': mangoOffice,
  'salebot.pro/js/salebot.js': salebot,
  'script.marquiz.ru/v2.js': marquiz,
  'bothelp.io/widget-folder/widget-page.js': bothelp,
  'gso.amocrm.ru/js/button.js': amocrm,
  'image.sendsay.ru/app/js/forms/forms.min.js': sendsay,
  'forms.yandex.ru/_static/embed.js': yandexFormsEmbed,
}
