import { computed } from 'nanostores'
import type { ComponentChildren } from 'preact'
import { useContext, useMemo } from 'preact/hooks'
import { Form } from './controls'
import { $draft } from './draft'
import { ExportSection } from './export'
import { targets } from './fields'
import { CategoriesSection, GeneralSection, ServicesSection, TextsSection } from './form'
import { Preview } from './preview'
import { check, place } from './problems'
import { SourceSection } from './source'
import { Summary } from './summary'
import { useStore } from './use-store'

/** The widget's report on the draft, recomputed on every change. */
const $problems = computed($draft, (draft) => check(draft.config))

/** The draft and the widget's report on it, placed at the fields, for everything inside. */
export function FormProvider({ children }: { children: ComponentChildren }) {
  const draft = useStore($draft)
  const problems = useStore($problems)
  const placed = useMemo(() => place(problems, targets(draft.config)), [problems, draft.config])
  return <Form.Provider value={{ draft, problems, placed }}>{children}</Form.Provider>
}

/** `restored`: the draft is one kept in this browser from an earlier visit, not the template. */
export function App({ restored = false }: { restored?: boolean }) {
  return (
    <FormProvider>
      <Page restored={restored} />
    </FormProvider>
  )
}

function Page({ restored }: { restored: boolean }) {
  const { draft, problems } = useContext(Form)
  return (
    <>
      {/* Visible on focus; on a narrow screen, where the preview is under the form, always. */}
      <a class="skip" href="#preview">
        К предпросмотру
      </a>
      <header>
        <h1>Конфигуратор Soglasie</h1>
        <p>
          Настройте баннер согласия на cookie для сайта: категории, сервисы, тексты. Рядом — настоящий баннер с этими
          настройками. Ошибки проверяются так же, как их проверяет сам виджет.
        </p>
      </header>
      <div class="layout">
        <main>
          <Summary />
          <SourceSection restored={restored} />
          <GeneralSection />
          <CategoriesSection />
          <ServicesSection />
          <TextsSection />
          <ExportSection config={draft.config} problems={problems} />
        </main>
        <aside aria-label="Предпросмотр">
          <Preview config={draft.config} fatal={problems.some((problem) => problem.fatal)} />
        </aside>
      </div>
    </>
  )
}
