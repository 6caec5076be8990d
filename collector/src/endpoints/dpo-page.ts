import { UUID_V4 } from '../receipt/types.js'
import { bodyFields, type Row } from '../row.js'
import type { Endpoint } from './context.js'

const RECENT = 100

/**
 * GET /dpo: the latest receipts (or one consentId's) as a page for the DPO, in Russian. Every receipt
 * field came from a visitor's browser, so every one is escaped, and the page runs no script at all.
 */
export const dpoPage: Endpoint = async ({ response, url, store }) => {
  const asked = url.searchParams.get('consentId')?.trim() ?? ''
  const consentId = UUID_V4.test(asked) ? asked : ''
  const rows = consentId ? (await store.byConsent(consentId)).reverse() : await store.recent(RECENT)
  response
    .writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    .end(page(rows, asked, consentId))
}

const EVENTS: Record<string, string> = { given: 'дано', updated: 'изменено', withdrawn: 'отозвано' }
const METHODS: Record<string, string> = {
  'accept-all': 'принять все',
  'reject-all': 'отклонить',
  custom: 'выбор',
  placeholder: 'заглушка',
  api: 'API',
}

function page(rows: readonly Row[], asked: string, consentId: string): string {
  const heading = consentId
    ? `Согласие ${escape(consentId)}: все квитанции`
    : `Последние квитанции (до ${RECENT})`
  const notice = asked && !consentId ? `<p class="bad">«${escape(asked)}» — не UUID.</p>` : ''
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Журнал согласий</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; position: sticky; top: 0; }
td.small { font-size: 12px; color: #555; max-width: 22rem; overflow-wrap: anywhere; }
code { font-size: 12px; }
.bad { color: #a00; }
form { margin: 1rem 0; }
input { width: 24rem; font: inherit; }
</style>
</head>
<body>
<h1>Журнал согласий</h1>
<form method="get" action="/dpo">
<label>consentId <input name="consentId" value="${escape(asked)}" placeholder="00000000-0000-4000-8000-000000000000"></label>
<button>Найти</button> ${consentId ? '<a href="/dpo">все</a>' : ''}
</form>
<p>Выгрузка всех квитанций: <a href="/v1/export?format=csv">CSV</a>, <a href="/v1/export?format=ndjson">NDJSON</a>.
<a href="/v1/verify">Проверить цепочку хешей</a>.</p>
${notice}
<h2>${heading}</h2>
${rows.length ? table(rows) : '<p>Квитанций нет.</p>'}
</body>
</html>
`
}

function table(rows: readonly Row[]): string {
  return `<table>
<thead><tr><th>№</th><th>Получено (UTC)</th><th>Событие</th><th>Способ</th><th>consentId</th><th>Категории</th><th>Сервисы</th><th>Страница</th><th>IP</th><th>Браузер</th></tr></thead>
<tbody>
${rows.map(tableRow).join('\n')}
</tbody>
</table>`
}

function tableRow(row: Row): string {
  const receipt = bodyFields(row.body)
  const event = String(receipt.event ?? '')
  const method = String(receipt.method ?? '')
  const link = `/dpo?consentId=${encodeURIComponent(row.consentId)}`
  const cells = [
    String(row.seq),
    escape(row.receivedAt.replace('T', ' ').replace('Z', '')),
    escape(EVENTS[event] ?? event),
    escape(METHODS[method] ?? method),
    `<a href="${escape(link)}"><code>${escape(row.consentId)}</code></a>`,
    escape(choices(receipt.categories)),
    escape(choices(receipt.services)),
    `<span class="small">${escape(String(receipt.page ?? ''))}</span>`,
    escape(row.ip),
    `<span class="small">${escape(String(receipt.userAgent ?? ''))}</span>`,
  ]
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`
}

/** `necessary ✓, analytics ✗`: what was allowed and what was refused. */
function choices(value: unknown): string {
  if (typeof value !== 'object' || value === null) return ''
  return Object.entries(value)
    .map(([id, allowed]) => `${id} ${allowed === true ? '✓' : '✗'}`)
    .join(', ')
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
