import { useContext } from 'preact/hooks'
import { Form, fieldId } from './controls'

/** Opens the <details> around `element`, then focuses it, so a link always lands on a visible field. */
export function reveal(id: string): void {
  const element = document.getElementById(id)
  if (!element) return
  for (let at = element.parentElement; at; at = at.parentElement) if (at instanceof HTMLDetailsElement) at.open = true
  element.focus()
  element.scrollIntoView({ block: 'center' })
}

/**
 * Every line of the widget's report, each linking to where it is shown. A link's text is the line
 * itself, so the summary reads like the console a developer would see.
 */
export function Summary() {
  const { placed } = useContext(Form)
  const lines = [...placed].flatMap(([target, problems]) => problems.map((problem) => ({ target, problem })))
  const fatal = lines.some(({ problem }) => problem.fatal)
  return (
    <section class={`summary${lines.length ? ' has-errors' : ''}`} aria-labelledby="summary-title" id="summary" tabIndex={-1}>
      <h2 id="summary-title">{lines.length ? `Ошибки в конфигурации: ${lines.length}` : 'Ошибок нет'}</h2>
      <p role="status">
        {!lines.length
          ? 'Конфигурацию можно выгружать: виджет примет её так же, как этот конфигуратор.'
          : fatal
            ? 'Пока они есть, виджет на сайте не покажет баннер и не загрузит ни одного необязательного сервиса.'
            : 'Сервисы с такими настройками не загрузятся; остальное работает.'}
      </p>
      {lines.length > 0 && (
        <ul>
          {lines.map(({ target, problem }) => (
            <li key={problem.text}>
              {target ? (
                <a
                  href={`#${fieldId(target)}`}
                  onClick={(event) => {
                    event.preventDefault()
                    reveal(fieldId(target))
                  }}
                >
                  <code>{problem.text}</code>
                </a>
              ) : (
                <>
                  <code>{problem.text}</code> (исправьте в файле и загрузите его снова)
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
