import { createContext, type ComponentChildren } from 'preact'
import { useContext, useEffect, useRef, useState } from 'preact/hooks'
import { display, parse, same } from './convert'
import { edit, valueAt, type Draft, type Json, type Path } from './draft'
import type { Field, Group } from './fields'
import type { Problem } from './problems'

/** What every control reads: the draft, the widget's report on it, and its lines placed by `place()`. */
export interface FormState {
  readonly draft: Draft
  readonly problems: readonly Problem[]
  readonly placed: ReadonlyMap<string, readonly Problem[]>
}

export const Form = createContext<FormState>({ draft: { config: {}, baseline: {} }, problems: [], placed: new Map() })

const dotted = (path: Path) => path.join('.')
/** The element that edits `path`; the summary links here. Whitespace cannot be in an id. */
export const fieldId = (path: Path | string) => 'f-' + (typeof path === 'string' ? path : dotted(path)).replace(/\s/g, '_')
const errorId = (path: Path) => 'e-' + fieldId(path).slice(2)
const hintId = (path: Path) => 'h-' + fieldId(path).slice(2)

/** The widget's own lines for this path, next to it; `aria-describedby` points here. */
function Errors({ path, problems }: { path: Path; problems: readonly Problem[] }) {
  if (!problems.length) return null
  return (
    <ul class="errors" id={errorId(path)}>
      {problems.map((problem) => (
        <li key={problem.text}>
          <span class="visually-hidden">Ошибка: </span>
          <code>{problem.text}</code>
        </li>
      ))}
    </ul>
  )
}

const describedBy = (path: Path, hint: boolean, problems: readonly Problem[]) =>
  [hint && hintId(path), problems.length > 0 && errorId(path)].filter(Boolean).join(' ') || undefined

export function FieldControl({ field }: { field: Field }) {
  const { draft, placed } = useContext(Form)
  const problems = placed.get(dotted(field.path)) ?? []
  const value = valueAt(draft.config, field.path)
  const id = fieldId(field.path)
  const common = {
    id,
    'aria-describedby': describedBy(field.path, field.hint !== undefined, problems),
    'aria-invalid': problems.length ? ('true' as const) : undefined,
  }
  const hint = field.hint && (
    <p class="hint" id={hintId(field.path)}>
      {field.hint}
    </p>
  )
  if (field.kind === 'flag') {
    return (
      <div class={`field flag${problems.length ? ' invalid' : ''}`}>
        <input type="checkbox" {...common} {...flag(field, value, valueAt(draft.baseline, field.path))} />
        <label for={id}>{field.label}</label>
        {hint}
        <Errors path={field.path} problems={problems} />
      </div>
    )
  }
  return (
    <div class={`field${problems.length ? ' invalid' : ''}`}>
      <label for={id}>
        {field.label}
        {field.required && <span class="required"> (обязательно)</span>}
      </label>
      {hint}
      {field.kind === 'choice' ? (
        <ChoiceInput field={field} value={value} common={common} />
      ) : (
        <TextInput field={field} value={value} loaded={valueAt(draft.baseline, field.path)} common={common} />
      )}
      <Errors path={field.path} problems={problems} />
    </div>
  )
}

interface Common {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': 'true' | undefined
}

/**
 * A ticked box is the widget's default unless the file said otherwise; re-ticking restores what the
 * file said (`"enabled": true` stays) instead of writing a default nobody set. `necessary` is locked on,
 * unless a loaded file switched it off (an error the box must be able to fix).
 */
function flag(field: Field, value: Json | undefined, loaded: Json | undefined) {
  const fallback = field.default ?? false
  const checked = value === undefined ? fallback : value === true
  const locked = dotted(field.path) === 'categories.necessary.enabled' && value !== false
  const set = (on: boolean) => edit(field.path, on === fallback ? (loaded === on ? on : undefined) : on)
  return { checked, disabled: locked, onChange: (event: Event) => set((event.currentTarget as HTMLInputElement).checked) }
}

function ChoiceInput({ field, value, common }: { field: Field; value: Json | undefined; common: Common }) {
  const choices = field.choices ?? []
  const known = value === undefined || choices.some(([choice]) => same(choice, value))
  const key = (choice: Json) => JSON.stringify(choice)
  return (
    <select
      {...common}
      aria-required={field.required ? 'true' : undefined}
      value={value === undefined ? '' : key(value)}
      onChange={(event) => {
        const selected = (event.currentTarget as HTMLSelectElement).value
        edit(field.path, selected === '' ? undefined : (JSON.parse(selected) as Json))
      }}
    >
      {(value === undefined || !field.required) && (
        <option value="">{field.required ? '— выберите —' : (field.unset ?? 'по умолчанию')}</option>
      )}
      {!known && <option value={key(value!)}>{`${display(field, value)} (неизвестное значение)`}</option>}
      {choices.map(([choice, label]) => (
        <option key={key(choice)} value={key(choice)}>
          {label === choice ? label : `${label} (${String(choice)})`}
        </option>
      ))}
    </select>
  )
}

/**
 * The field keeps the text as typed (`12,` on the way to `12, 34`) while it still means the value in
 * the draft; a change from elsewhere (a file loaded) replaces it.
 */
function TextInput({ field, value, loaded, common }: { field: Field; value: Json | undefined; loaded: Json | undefined; common: Common }) {
  const [text, setText] = useState(() => display(field, value))
  useEffect(() => {
    if (!same(parse(field, text, loaded), value)) setText(display(field, value))
  }, [value])
  const onInput = (event: Event) => {
    const typed = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value
    setText(typed)
    edit(field.path, parse(field, typed, loaded))
  }
  const props = {
    ...common,
    value: text,
    onInput,
    placeholder: field.placeholder || undefined,
    'aria-required': field.required ? ('true' as const) : undefined,
    spellcheck: field.kind === 'text' || field.kind === 'long',
  }
  if (field.kind === 'long' || field.multiline) return <textarea {...props} rows={field.path.at(-1) === 'markdown' ? 10 : 3} />
  return (
    <input
      {...props}
      type={(field.inputType ?? 'text') as 'text'}
      inputMode={field.kind === 'integer' ? 'numeric' : undefined}
      autoComplete={field.autocomplete ?? 'off'}
    />
  )
}

/**
 * A fieldset per group; its own errors (an unknown key, `policy: needs url or markdown`) under the
 * legend. It takes focus from the summary's links, so it has tabIndex -1.
 */
export function GroupBox({ group, actions, children }: { group: Group; actions?: ComponentChildren; children?: ComponentChildren }) {
  const { placed } = useContext(Form)
  const problems = placed.get(dotted(group.path)) ?? []
  const more = group.more ?? []
  const moreInvalid = more.some((field) => placed.has(dotted(field.path)))
  const details = useOpenWhen(moreInvalid)
  return (
    <fieldset
      id={fieldId(group.path)}
      tabIndex={-1}
      class={`group${problems.length ? ' invalid' : ''}`}
      aria-describedby={describedBy(group.path, group.hint !== undefined, problems)}
    >
      <legend>{group.legend}</legend>
      {group.hint && (
        <p class="hint" id={hintId(group.path)}>
          {group.hint}
        </p>
      )}
      <Errors path={group.path} problems={problems} />
      {group.fields.map((field) => (
        <FieldControl key={dotted(field.path)} field={field} />
      ))}
      {more.length > 0 && (
        <details ref={details}>
          <summary>Подробнее: название, обработчик, cookie</summary>
          {more.map((field) => (
            <FieldControl key={dotted(field.path)} field={field} />
          ))}
        </details>
      )}
      {children}
      {actions && <div class="actions">{actions}</div>}
    </fieldset>
  )
}

/** A <details> opened when an error appears inside; never closed by the form, as it may hold the focus. */
export function useOpenWhen(invalid: boolean) {
  const details = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (invalid && details.current) details.current.open = true
  }, [invalid])
  return details
}
