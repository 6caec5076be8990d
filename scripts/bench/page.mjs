// The landing page every widget is installed on: a typical one-screen Tilda-like page, Russian text,
// inline CSS, system fonts, no images or fonts to fetch, so the only requests are the widget's own.
// `head` goes at the end of <head>, `body` at the end of <body>, as each widget's docs place them.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d1d1f;background:#fff}
header{display:flex;align-items:center;justify-content:space-between;padding:16px 5vw;border-bottom:1px solid #eee}
header .logo{font-weight:700;font-size:20px;color:#0b5cff}
header nav a{margin-left:24px;color:#333;text-decoration:none}
.hero{padding:72px 5vw 56px;background:linear-gradient(180deg,#f3f7ff,#fff)}
.hero h1{font-size:44px;line-height:1.15;margin:0 0 16px;max-width:760px}
.hero p{font-size:19px;max-width:640px;color:#444;margin:0 0 28px}
.cta{display:inline-block;padding:14px 28px;border-radius:10px;background:#0b5cff;color:#fff;text-decoration:none;font-weight:600}
.features{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:24px;padding:48px 5vw}
.card{padding:24px;border:1px solid #e6e8ee;border-radius:14px}
.card h3{margin:0 0 8px;font-size:19px}
.card p{margin:0;color:#555}
.about{padding:24px 5vw 48px;max-width:900px}
.about h2{font-size:30px;margin:0 0 12px}
table{border-collapse:collapse;width:100%;margin-top:16px}
td,th{border-bottom:1px solid #eee;padding:10px 8px;text-align:left}
footer{padding:32px 5vw;background:#f6f6f8;color:#666;font-size:14px}
footer a{color:#0b5cff}
`

const FEATURES = [
  ['Сайт за неделю', 'Соберём лендинг на Тильде по вашему брифу, с текстами, фотосъёмкой и подключённой CRM.'],
  ['Заявки в amoCRM', 'Формы и квизы передают заявки в CRM; менеджер перезванивает за пять минут.'],
  ['Аналитика', 'Настроим Метрику и цели, чтобы было видно, какая реклама приносит клиентов.'],
  ['Поддержка', 'Правки и новые блоки в течение дня, отчёт о заявках каждую неделю.'],
]

const PRICES = [
  ['Старт', 'Лендинг из 8 блоков', '49 000 ₽'],
  ['Бизнес', 'Сайт до 10 страниц, квиз, CRM', '120 000 ₽'],
  ['Магазин', 'Каталог, корзина, оплата', 'от 180 000 ₽'],
]

export function landing({ head = '', body = '', title = 'МедиаСфера — сайты и реклама под ключ' } = {}) {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
${head}
</head>
<body>
<header><span class="logo">МедиаСфера</span><nav><a href="#services">Услуги</a><a href="#prices">Цены</a><a href="#contacts">Контакты</a></nav></header>
<main>
<section class="hero">
<h1>Сайты, которые приводят клиентов, а не просто красиво выглядят</h1>
<p>Делаем лендинги и интернет-магазины на Тильде, подключаем аналитику и рекламу, считаем стоимость заявки. Первые заявки — через две недели после старта.</p>
<a class="cta" href="#contacts">Обсудить проект</a>
</section>
<section class="features" id="services">
${FEATURES.map(([h, p]) => `<div class="card"><h3>${h}</h3><p>${p}</p></div>`).join('\n')}
</section>
<section class="about" id="prices">
<h2>Цены</h2>
<p>Стоимость фиксируется в договоре до начала работ. Оплата в два этапа: половина при старте, остаток после запуска сайта.</p>
<table><thead><tr><th>Тариф</th><th>Что входит</th><th>Стоимость</th></tr></thead><tbody>
${PRICES.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>
</section>
</main>
<footer id="contacts">ООО «МЕДИАСФЕРА СОФТ», ИНН 7806585855, 195426, г. Санкт-Петербург. <a href="mailto:info@mediasfera-soft.ru">info@mediasfera-soft.ru</a> · <a href="/privacy">Политика обработки персональных данных</a></footer>
${body}
</body>
</html>
`
}
