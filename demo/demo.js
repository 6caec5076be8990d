// The demo's panel, not part of the site: every request to a tracker's host (as watch.js records it)
// with its time since the page started, counted before and after consent; the consent as the widget
// announces it; the way to the receipts in the local collector.
;(function () {
  'use strict'
  const watch = window.demoWatch
  const panel = document.getElementById('demo-panel')
  if (!watch || !panel) return
  const settings = JSON.parse(document.getElementById('demo-settings')?.textContent || '{}')

  const CATEGORIES = { necessary: 'Необходимые', analytics: 'Аналитика', marketing: 'Реклама', functional: 'Функциональные' }
  const KINDS = { script: 'скрипт', image: 'пиксель', img: 'пиксель', fetch: 'запрос', '': 'запрос', xmlhttprequest: 'запрос', beacon: 'маяк', style: 'стиль', link: 'стиль', css: 'стиль', iframe: 'фрейм' }
  const ANSWERS = { 'stand-in': 'скрипт, как у вендора', 'empty-script': 'пустой скрипт', gif: 'GIF 1×1', css: 'пустой CSS', empty: 'пустой (204)' }
  // A request the browser timed but the worker never reported, after this long, went past the stand-ins.
  const PAST_AFTER = 1500

  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag)
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value)
    node.append(...children)
    return node
  }
  const seconds = (ms) => (ms / 1000).toFixed(3).replace('.', ',') + ' с'

  const clock = el('span', {}, '0 с')
  const before = el('b', {}, '0')
  const after = el('b', {}, '0')
  const beforeBox = el('div', { class: 'demo-count demo-zero', 'data-demo-count': 'before' }, before, 'без согласия')
  const afterBox = el('div', { class: 'demo-count', 'data-demo-count': 'after' }, after, 'после согласия')
  const consentLine = el('p', { 'data-demo-consent': '' })
  const chips = el('div', { class: 'demo-chips' })
  const tilda = el('p', { 'data-demo-tilda': '' })
  const list = el('ol', { 'aria-live': 'polite', 'aria-label': 'Запросы к трекерам' })

  const foot = el('div', { class: 'demo-foot' })
  if (settings.dpo) {
    foot.append(
      el('p', {}, 'Квитанции о согласии: ', el('a', { href: settings.dpo, target: '_blank', rel: 'noopener', 'data-demo-dpo': '' }, 'журнал согласий в коллекторе'),
        ' (логин любой, пароль ', el('code', {}, settings.token || '—'), ')'),
    )
  }
  const withdraw = el('button', { type: 'button' }, 'Отозвать согласие')
  withdraw.addEventListener('click', () => window.Soglasie?.withdraw())
  const restart = el('button', { type: 'button', title: 'Удалить cookie и хранилище этого сайта и открыть страницу заново' }, 'Начать заново')
  restart.addEventListener('click', () => {
    for (const pair of document.cookie.split('; ')) {
      const name = pair.split('=')[0]
      if (name) document.cookie = `${name}=; path=/; max-age=0`
    }
    localStorage.clear()
    location.reload()
  })
  foot.append(withdraw, restart)

  panel.append(
    el('div', { class: 'demo-stripe' }, 'ДЕМО · НЕ ЧАСТЬ САЙТА'),
    el('h2', {}, 'Запросы к трекерам'),
    el('p', { class: 'demo-muted' },
      'Трекерам отвечают локальные заглушки (Service Worker): браузер обращается к mc.yandex.ru, top-fwz1.mail.ru и другим, но в интернет не уходит ничего.'),
    el('div', { class: 'demo-counts' }, beforeBox, afterBox),
    el('p', { class: 'demo-muted' }, 'С загрузки страницы: ', clock, '.'),
    tilda,
    consentLine,
    chips,
    list,
    foot,
  )

  function describe(record) {
    const what = [KINDS[record.kind] ?? record.kind, record.vendor ?? 'не трекер']
    if (record.frame) what.push('открыт на локальной странице-заглушке')
    else if (record.worker) what.push('ответ заглушки: ' + (ANSWERS[record.answer] ?? record.answer))
    const past = !record.worker && !record.frame && performance.now() - record.time > PAST_AFTER
    return { what: what.join(' · '), past }
  }

  function row(record) {
    const url = new URL(record.url)
    const shown = url.host + url.pathname + url.search
    const { what, past } = describe(record)
    const item = el('li', { 'data-url': record.url, 'data-worker': String(record.worker || record.frame), class: record.unconsented ? 'demo-before' : '' },
      el('span', { class: 'demo-time' }, '+' + seconds(record.time)),
      el('span', { class: 'demo-url' }, shown.length > 140 ? shown.slice(0, 137) + '…' : shown),
      el('span', { class: 'demo-what' }, what + (record.unconsented ? ' · без согласия' : '')),
    )
    if (past) item.append(el('span', { class: 'demo-what demo-past' }, 'мимо заглушки: запрос ушёл в сеть'))
    return item
  }

  function renderConsent() {
    const consent = watch.state.consent
    if (!consent) {
      consentLine.textContent = 'Согласие: виджет загружается…'
      chips.replaceChildren()
      return
    }
    const services = Object.values(consent.services)
    consentLine.textContent = consent.decided
      ? `Согласие ${consent.id.slice(0, 8)}…: разрешено сервисов ${services.filter(Boolean).length} из ${services.length}`
      : 'Согласие: не дано, баннер ждёт решения'
    chips.replaceChildren(
      ...Object.entries(consent.categories).map(([id, on]) =>
        el('span', { class: 'demo-chip' + (on ? ' demo-on' : ''), 'data-category': id }, `${CATEGORIES[id] ?? id} ${on ? '✓' : '✗'}`),
      ),
    )
  }

  // Tilda runs its Site-Settings counters from a marked snippet, which inserts tag.js 2 s later; the
  // widget keeps the snippet from running (it marks it held) and runs a copy after consent.
  function renderTilda() {
    const snippet = document.querySelector('script[data-tilda-cookie-type="analytics"]')
    const state = !snippet ? 'нет на странице' : 'soglasieHeld' in snippet.dataset ? 'удержан виджетом, не запущен' : 'запущен'
    tilda.textContent = `Счётчик Метрики из настроек Tilda (вставляет tag.js через 2 с): ${state}.`
  }

  function render() {
    const records = watch.records
    const unconsented = records.filter((r) => r.unconsented).length
    before.textContent = String(unconsented)
    after.textContent = String(records.length - unconsented)
    beforeBox.className = 'demo-count ' + (unconsented ? 'demo-leak' : 'demo-zero')
    list.replaceChildren(...(records.length ? records.map(row) : [el('li', { class: 'demo-empty' }, 'Пока ни одного запроса к трекерам.')]))
    renderConsent()
    renderTilda()
  }

  let pending = false
  watch.subscribe(() => {
    if (pending) return
    pending = true
    setTimeout(() => {
      pending = false
      render()
    }, 30)
  })
  render()
  // The clock, and a late look for requests the worker never reported.
  setInterval(() => {
    clock.textContent = seconds(performance.now()).replace(/,\d\d с$/, ' с')
    renderTilda()
    if (watch.records.some((r) => !r.worker && !r.frame)) render()
  }, 250)

  window.demoNote = (text) => {
    document.getElementById('demo-note')?.remove()
    const note = el('div', { id: 'demo-note', role: 'status' }, text)
    document.body.append(note)
    // A popover joins the top layer after the widget's open dialog, so the note shows above it.
    if (note.showPopover) {
      note.popover = 'manual'
      note.showPopover()
    }
    setTimeout(() => note.remove(), 4000)
  }
})()
