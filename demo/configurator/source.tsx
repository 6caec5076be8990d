import { useState } from 'preact/hooks'
import { isObject, load, type Json } from './draft'
import { tildaTemplate } from './template'

/**
 * Where the config comes from: the template, a file, or pasted text. Each replaces the whole draft.
 * `restored`: the page opened with the draft kept in this browser, which the status says.
 */
export function SourceSection({ restored = false }: { restored?: boolean }) {
  const [pasted, setPasted] = useState('')
  const [status, setStatus] = useState(
    restored ? 'Продолжаем черновик, сохранённый в этом браузере. Начать заново — шаблоном или файлом.' : '',
  )
  const [problem, setProblem] = useState<{ where: 'file' | 'paste'; text: string } | null>(null)

  const take = (text: string, where: 'file' | 'paste', name: string) => {
    let json: Json
    try {
      json = JSON.parse(text) as Json
    } catch (error) {
      setProblem({ where, text: `Это не JSON: ${(error as Error).message}` })
      setStatus('')
      return
    }
    if (!isObject(json)) {
      setProblem({ where, text: 'Конфигурация — это объект JSON в фигурных скобках { … }.' })
      setStatus('')
      return
    }
    setProblem(null)
    load(json)
    setStatus(`Загружено: ${name}.`)
  }
  const fromFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement
    const file = input.files?.[0]
    if (file) take(await file.text(), 'file', file.name)
  }
  const error = (where: 'file' | 'paste') =>
    problem?.where === where && (
      <p class="errors" id={`source-${where}-problem`}>
        {problem.text}
      </p>
    )
  const describedBy = (where: 'file' | 'paste') => (problem?.where === where ? `source-${where}-problem` : undefined)

  return (
    <section aria-labelledby="source-title">
      <h2 id="source-title">Начать</h2>
      <div class="source">
        <button
          type="button"
          onClick={() => {
            setProblem(null)
            load(tildaTemplate())
            setStatus('Загружен шаблон: сайт на Tilda с Яндекс Метрикой и пикселем VK Рекламы.')
          }}
        >
          Начать с шаблона: Tilda, Метрика и VK Реклама
        </button>
        <div class="field">
          <label for="source-file">Загрузить soglasie.config.json</label>
          <input
            id="source-file"
            type="file"
            accept=".json,application/json"
            aria-describedby={describedBy('file')}
            aria-invalid={problem?.where === 'file' ? 'true' : undefined}
            onChange={fromFile}
          />
          {error('file')}
        </div>
        <div class="field">
          <label for="source-paste">Или вставьте JSON</label>
          <textarea
            id="source-paste"
            rows={4}
            value={pasted}
            spellcheck={false}
            aria-describedby={describedBy('paste')}
            aria-invalid={problem?.where === 'paste' ? 'true' : undefined}
            onInput={(event) => setPasted((event.currentTarget as HTMLTextAreaElement).value)}
          />
          {error('paste')}
          <button type="button" class="secondary" disabled={!pasted.trim()} onClick={() => take(pasted, 'paste', 'вставленный текст')}>
            Загрузить вставленный JSON
          </button>
        </div>
      </div>
      <p role="status" class="status">
        {status}
      </p>
    </section>
  )
}
