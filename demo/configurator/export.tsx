import { useState } from 'preact/hooks'
import { exportJson, type JsonObject } from './draft'
import type { Problem } from './problems'
import { NPM_EXAMPLE, PLACEHOLDER_SRC, tildaSnippet } from './snippet'
import { reveal } from './summary'

type Action = 'snippet' | 'json' | 'npm'

const DONE: Record<Action, string> = {
  snippet: 'Сниппет скопирован: вставьте его в Tilda, Настройки сайта → Ещё → HTML-код для вставки внутрь HEAD, первым.',
  json: 'Файл soglasie.config.json скачан.',
  npm: 'Пример для npm скопирован.',
}
const ANYWAY: Record<Action, string> = {
  snippet: 'Всё равно скопировать сниппет',
  json: 'Всё равно скачать файл',
  npm: 'Всё равно скопировать пример',
}

/** The clipboard where the page may use it (https, localhost); else the old way, through a selection. */
async function copy(text: string, fallback: HTMLTextAreaElement | null): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    fallback?.select()
    document.execCommand('copy')
  }
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const link = Object.assign(document.createElement('a'), { href: url, download: 'soglasie.config.json' })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * The three ways out. While the widget would report problems, each button first says so and asks
 * again: an export is never silent about a config that would not work.
 */
export function ExportSection({ config, problems }: { config: JsonObject; problems: readonly Problem[] }) {
  const [src, setSrc] = useState(PLACEHOLDER_SRC)
  const [pending, setPending] = useState<Action | null>(null)
  const [done, setDone] = useState<Action | null>(null)
  const snippet = tildaSnippet(config, src.trim() || PLACEHOLDER_SRC)
  const json = exportJson(config)
  const fatal = problems.some((problem) => problem.fatal)

  const run = async (action: Action, confirmed = false) => {
    if (problems.length && !confirmed) {
      setPending(action)
      setDone(null)
      return
    }
    setPending(null)
    if (action === 'json') download(json)
    else await copy(action === 'snippet' ? snippet : NPM_EXAMPLE, document.getElementById(`export-${action}`) as HTMLTextAreaElement)
    setDone(action)
  }

  // Right under the button that asked, so it is seen where the eyes are.
  const warning = (action: Action) =>
    pending === action &&
    problems.length > 0 && (
      <div class="warning" role="alert">
        <p>
          {`В конфигурации ошибок: ${problems.length}. `}
          {fatal
            ? 'С ней виджет на сайте не покажет баннер и не загрузит ни одного необязательного сервиса.'
            : 'Сервисы с ошибками в настройках не загрузятся.'}
        </p>
        <button type="button" onClick={() => reveal('summary')}>
          Показать ошибки
        </button>
        <button type="button" class="secondary" onClick={() => run(action, true)}>
          {ANYWAY[action]}
        </button>
      </div>
    )

  return (
    <section aria-labelledby="export-title" id="export">
      <h2 id="export-title">Выгрузка</h2>
      <div class="field">
        <label for="export-src">Адрес soglasie.js</label>
        <p class="hint" id="export-src-hint">
          Где лежат файлы виджета: soglasie.js, а рядом с ним soglasie.dialogs.js и soglasie.services.js (в сборке
          конфигуратора они лежат рядом с этой страницей).
        </p>
        <input
          id="export-src"
          type="url"
          value={src}
          autoComplete="off"
          aria-describedby="export-src-hint"
          onInput={(event) => setSrc((event.currentTarget as HTMLInputElement).value)}
        />
      </div>

      <div class="field">
        <label for="export-snippet">Сниппет для Tilda: Настройки сайта → Ещё → HTML-код для вставки внутрь HEAD</label>
        <textarea id="export-snippet" readOnly rows={5} value={snippet} spellcheck={false} />
        <button type="button" onClick={() => run('snippet')}>
          Скопировать сниппет для Tilda
        </button>
        {warning('snippet')}
        <p role="status" class="status">
          {done === 'snippet' ? DONE['snippet'] : ''}
        </p>
      </div>

      <div class="field">
        <label for="export-json">soglasie.config.json</label>
        <textarea id="export-json" readOnly rows={8} value={json} spellcheck={false} />
        <button type="button" onClick={() => run('json')}>
          Скачать soglasie.config.json
        </button>
        {warning('json')}
        <p role="status" class="status">
          {done === 'json' ? DONE['json'] : ''}
        </p>
      </div>

      <div class="field">
        <label for="export-npm">Подключение из npm (файл конфигурации рядом)</label>
        <textarea id="export-npm" readOnly rows={3} value={NPM_EXAMPLE} spellcheck={false} />
        <button type="button" onClick={() => run('npm')}>
          Скопировать пример для npm
        </button>
        {warning('npm')}
        <p role="status" class="status">
          {done === 'npm' ? DONE['npm'] : ''}
        </p>
      </div>

    </section>
  )
}
