import { cleanup, render, screen } from '@testing-library/preact'
import { afterEach, expect, test } from 'vitest'
import { Markdown } from '../../src/ui/dialogs/markdown'

afterEach(cleanup)

const policy = `# Политика

Оператор — **ООО «МЕДИАСФЕРА СОФТ»**, сайт <https://www.mediasfera-soft.ru>.
Вторая строка того же абзаца.

## Цели

- аналитика
- реклама

1. первый
2. второй

| Обработчик | Страна | Цель |
|---|---|---|
| ООО «Яндекс» | RU | *статистика* |
| Google LLC | US | [политика](https://policies.google.com/privacy) |

Слова_с_подчёркиванием и window.__xss__ остаются как есть.`

test('renders headings below the dialog title, paragraphs, lists and tables', () => {
  const { container } = render(<Markdown text={policy} />)
  expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Политика')
  expect(screen.getByRole('heading', { level: 4 }).textContent).toBe('Цели')
  expect(container.querySelector('strong')!.textContent).toBe('ООО «МЕДИАСФЕРА СОФТ»')
  expect(container.querySelector('p')!.textContent).toContain('Вторая строка того же абзаца')
  expect([...container.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['аналитика', 'реклама'])
  expect(container.querySelectorAll('ol li')).toHaveLength(2)
  expect([...container.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Обработчик', 'Страна', 'Цель'])
  expect([...container.querySelectorAll('tbody tr')].map((tr) => tr.children[0]!.textContent)).toEqual([
    'ООО «Яндекс»',
    'Google LLC',
  ])
  expect(container.querySelector('td em')!.textContent).toBe('статистика')
  expect(screen.getByRole('link', { name: 'политика' }).getAttribute('href')).toBe('https://policies.google.com/privacy')
  expect(screen.getByRole('link', { name: 'https://www.mediasfera-soft.ru' })).toBeTruthy()
  expect(container.textContent).toContain('Слова_с_подчёркиванием и window.__xss__ остаются как есть.')
})

test('markup and script in the text stay text', () => {
  const hostile = '<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script>\n\n| <b>x</b> |\n|---|\n| <iframe> |'
  const { container } = render(<Markdown text={hostile} />)
  expect(container.querySelector('img, script, b, iframe')).toBeNull()
  expect(container.textContent).toContain('<img src=x onerror="window.__xss=1">')
  expect(container.textContent).toContain('<script>window.__xss=1</script>')
})

test('only safe link targets become links', () => {
  const { container } = render(
    <Markdown text={'[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [d](/privacy) [e](mailto:dpo@example.ru) [f](JaVaScRiPt:alert(1))'} />,
  )
  expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/privacy', 'mailto:dpo@example.ru'])
  for (const label of ['a', 'b', 'c', 'f']) expect(container.textContent).toContain(label)
})
