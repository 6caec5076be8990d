import { useEffect, useRef, useState } from 'preact/hooks'
import type { Soglasie } from '../../src/api'
import { isObject, type JsonObject } from './draft'
import { PREVIEW_COOKIE, previewDocument } from './snippet'

/** The folder this page is served from: the widget's three files are copied beside it at build time. */
const folder = () => new URL('./', location.href).href

/**
 * Forgets the preview's visitor: its consent cookie and what the widget keeps in storage under that
 * cookie's name. The preview's document is same-origin (srcdoc), so this page can reach both.
 */
function forgetVisitor(): void {
  document.cookie = `${PREVIEW_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`
  for (const key of Object.keys(localStorage)) if (key.startsWith(`soglasie:${PREVIEW_COOKIE}:`)) localStorage.removeItem(key)
  sessionStorage.removeItem('soglasie:reloaded')
}

/**
 * The real widget on a blank page, in a frame whose document is the Tilda snippet itself (see
 * `previewDocument`: the config as the preview runs it, a CSP that lets scripts come only from this
 * folder). Drawn again 300 ms after the last change, each time for a new visitor, so the banner shows.
 */
export function Preview({ config, fatal }: { config: JsonObject; fatal: boolean }) {
  const frame = useRef<HTMLIFrameElement>(null)
  const wanted = previewDocument(config, folder())
  const [shown, setShown] = useState(() => (forgetVisitor(), wanted))
  const [generation, setGeneration] = useState(0)
  // A new frame each time, with the cookie already gone when its widget starts.
  const draw = (document: string) => {
    forgetVisitor()
    setShown(document)
    setGeneration((n) => n + 1)
  }
  useEffect(() => {
    if (wanted === shown) return
    const timer = setTimeout(() => draw(wanted), 300)
    return () => clearTimeout(timer)
  }, [wanted, shown])

  const api = () => (frame.current?.contentWindow as (Window & { Soglasie?: Soglasie }) | null)?.Soglasie
  const hasMarkdown = isObject(config.policy) && typeof config.policy.markdown === 'string'

  return (
    <section class="preview" aria-labelledby="preview-title" id="preview" tabIndex={-1}>
      <h2 id="preview-title">Предпросмотр</h2>
      <p class="hint">
        Настоящий виджет на пустой странице. Сторонние скрипты здесь не загружаются, квитанции не отправляются.
      </p>
      <div class="toolbar">
        <button type="button" class="secondary" onClick={() => draw(shown)}>
          Новый посетитель
        </button>
        <button type="button" class="secondary" disabled={fatal} onClick={() => api()?.showPreferences()}>
          Открыть настройки
        </button>
        <button
          type="button"
          class="secondary"
          disabled={fatal || !hasMarkdown}
          aria-describedby={hasMarkdown ? undefined : 'preview-policy-note'}
          onClick={() => api()?.showPolicy()}
        >
          Открыть политику
        </button>
      </div>
      {!hasMarkdown && (
        <p class="hint" id="preview-policy-note">
          Без текста политики ссылка в баннере ведёт на страницу политики; в предпросмотре она не открывается.
        </p>
      )}
      {fatal && (
        <p class="warning" id="preview-fatal">
          С ошибками в конфигурации виджет не запускается: баннера нет ни здесь, ни на сайте.
        </p>
      )}
      <iframe
        key={generation}
        ref={frame}
        title="Предпросмотр: баннер на пустой странице"
        srcdoc={shown}
        // Scripts for the widget, same origin so the buttons above can reach it; no popups, no top
        // navigation, no forms. What it may load is the CSP's business (see previewDocument).
        sandbox="allow-scripts allow-same-origin"
      />
    </section>
  )
}
