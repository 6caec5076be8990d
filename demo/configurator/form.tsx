import { useContext, useState } from 'preact/hooks'
import { ID } from '../../src/config/shape'
import { optionRules } from '../../src/presets/index'
import { disclosures } from '../../src/presets/disclosures'
import { Form, GroupBox, fieldId, useOpenWhen } from './controls'
import { edit, remove, type JsonObject } from './draft'
import {
  categoryChoices,
  categoryGroup,
  categoryIds,
  categoryName,
  type Choice,
  entries,
  generalGroups,
  isPreset,
  presetChoices,
  serviceGroup,
  serviceName,
  textsGroup,
} from './fields'
import { naturalCategory } from './labels'

/** Moves focus to what was just added, once it is drawn. */
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus())

export function GeneralSection() {
  return (
    <section aria-labelledby="general-title">
      <h2 id="general-title">Оператор, документы, вид</h2>
      {generalGroups().map((group) => (
        <GroupBox key={group.path.join('.')} group={group} />
      ))}
    </section>
  )
}

export function CategoriesSection() {
  const { draft } = useContext(Form)
  const categories = entries(draft.config.categories)
  return (
    <section aria-labelledby="categories-title" id={fieldId('categories')} tabIndex={-1}>
      <h2 id="categories-title">Категории</h2>
      <p class="hint">
        Выключенная категория исчезает из баннера и настроек, и ни один её сервис не загрузится. «Необходимые» выключить
        нельзя.
      </p>
      {categories.map(([id, category]) => (
        <GroupBox
          key={id}
          group={categoryGroup(id, category)}
          actions={
            id !== 'necessary' && (
              <button type="button" class="secondary" onClick={() => remove(['categories', id])}>
                Удалить категорию «{categoryName(id, category)}»
              </button>
            )
          }
        />
      ))}
      <AddCategory taken={categoryIds(draft.config)} />
    </section>
  )
}

function AddCategory({ taken }: { taken: readonly string[] }) {
  const [id, setId] = useState('')
  const missing = ['analytics', 'marketing', 'functional'].filter((fixed) => !taken.includes(fixed))
  const problem = !id ? '' : taken.includes(id) ? 'Такая категория уже есть.' : new RegExp(ID).test(id) ? '' : 'Латинские буквы, цифры, «-» и «_», до 40 знаков.'
  const add = (category: string) => {
    edit(['categories', category], {})
    setId('')
    focusSoon(fieldId(['categories', category]))
  }
  return (
    <fieldset class="adder">
      <legend>Добавить категорию</legend>
      {missing.map((fixed) => (
        <button key={fixed} type="button" class="secondary" onClick={() => add(fixed)}>
          Добавить «{categoryName(fixed, undefined)}» ({fixed})
        </button>
      ))}
      <div class="field">
        <label for="new-category">Своя категория: идентификатор</label>
        <input
          id="new-category"
          value={id}
          autoComplete="off"
          aria-describedby={problem ? 'new-category-problem' : undefined}
          aria-invalid={problem ? 'true' : undefined}
          onInput={(event) => setId((event.currentTarget as HTMLInputElement).value.trim())}
        />
        {problem && (
          <p class="errors" id="new-category-problem">
            {problem}
          </p>
        )}
      </div>
      <button type="button" disabled={!id || !!problem} onClick={() => add(id)}>
        Добавить категорию
      </button>
    </fieldset>
  )
}

export function ServicesSection() {
  const { draft } = useContext(Form)
  const choices = categoryChoices(draft.config)
  const categories = (draft.config.categories ?? {}) as JsonObject
  const off = (category: unknown) =>
    category !== 'necessary' && (typeof category !== 'string' || (categories[category] as JsonObject | undefined)?.enabled === false)
  return (
    <section aria-labelledby="services-title" id={fieldId('services')} tabIndex={-1}>
      <h2 id="services-title">Сервисы</h2>
      <p class="hint">
        Готовые сервисы (Метрика, VK, Mango Office и другие) загружаются только после согласия на свою категорию. Сервис
        без скрипта только раскрывается посетителю как получатель данных.
      </p>
      {entries(draft.config.services).map(([id, service]) => (
        <GroupBox
          key={id}
          group={serviceGroup(id, service, choices)}
          actions={
            <button type="button" class="secondary" onClick={() => remove(['services', id])}>
              Удалить сервис «{serviceName(id, service)}»
            </button>
          }
        >
          {off((service as JsonObject | null)?.category) && (
            <p class="note">Категория сервиса выключена: сервис не покажется и не загрузится.</p>
          )}
        </GroupBox>
      ))}
      <AddService categories={choices} taken={entries(draft.config.services).map(([id]) => id)} />
    </section>
  )
}

const CUSTOM = ''

function AddService({ categories: choices, taken }: { categories: readonly Choice[]; taken: readonly string[] }) {
  const categories = choices.map(([id]) => String(id))
  const [preset, setPreset] = useState<string>('yandex-metrica')
  const [id, setId] = useState('')
  const [category, setCategory] = useState('')
  const suggested = isPreset(preset) ? unique(preset, taken) : ''
  const natural = isPreset(preset) ? naturalCategory[preset] : 'functional'
  const chosen = category || (categories.includes(natural) ? natural : (categories.find((c) => c !== 'necessary') ?? 'necessary'))
  const finalId = id || suggested
  const problem = !finalId
    ? 'Укажите идентификатор.'
    : taken.includes(finalId) || categories.includes(finalId)
      ? 'Этот идентификатор уже занят.'
      : new RegExp(ID).test(finalId) ? '' : 'Латинские буквы, цифры, «-» и «_», до 40 знаков.'
  const add = () => {
    edit(['services', finalId], isPreset(preset) ? { category: chosen, preset } : { category: chosen })
    setId('')
    setCategory('')
    // The first thing to fill in: the preset's first option (its id), else the new group itself.
    const option = isPreset(preset) ? Object.keys(optionRules(preset))[0] : undefined
    focusSoon(fieldId(option ? ['services', finalId, 'options', option] : ['services', finalId]))
  }
  return (
    <fieldset class="adder">
      <legend>Добавить сервис</legend>
      <div class="field">
        <label for="new-service-preset">Что подключить</label>
        <select id="new-service-preset" value={preset} onChange={(event) => setPreset((event.currentTarget as HTMLSelectElement).value)}>
          {presetChoices.map(([value, label]) => (
            <option key={String(value)} value={String(value)}>
              {label}
            </option>
          ))}
          <option value={CUSTOM}>Свой скрипт или обработчик без скрипта</option>
        </select>
      </div>
      <div class="field">
        <label for="new-service-category">Категория</label>
        <select id="new-service-category" value={chosen} onChange={(event) => setCategory((event.currentTarget as HTMLSelectElement).value)}>
          {choices.map(([value, label]) => (
            <option key={String(value)} value={String(value)}>
              {label === value ? label : `${label} (${String(value)})`}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="new-service-id">Идентификатор в конфигурации</label>
        <p class="hint" id="new-service-id-hint">
          Латиницей; по нему посетитель может разрешить или запретить именно этот сервис.
        </p>
        <input
          id="new-service-id"
          value={id}
          placeholder={suggested}
          autoComplete="off"
          aria-describedby={`new-service-id-hint${problem && (id || !suggested) ? ' new-service-problem' : ''}`}
          aria-invalid={problem && (id || !suggested) ? 'true' : undefined}
          onInput={(event) => setId((event.currentTarget as HTMLInputElement).value.trim())}
        />
        {problem && (id || !suggested) && (
          <p class="errors" id="new-service-problem">
            {problem}
          </p>
        )}
      </div>
      <button type="button" disabled={!!problem} onClick={add}>
        Добавить сервис{isPreset(preset) ? ` «${disclosures[preset].title}»` : ''}
      </button>
    </fieldset>
  )
}

/** `vk-ads`, else `vk-ads-2`, … */
function unique(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base
  let n = 2
  while (taken.includes(`${base}-${n}`)) n++
  return `${base}-${n}`
}


export function TextsSection() {
  return (
    <section aria-labelledby="texts-title" id={fieldId('texts')} tabIndex={-1}>
      <h2 id="texts-title">Тексты</h2>
      {(['ru', 'en'] as const).map((language) => (
        <TextsDetails key={language} language={language} />
      ))}
    </section>
  )
}

function TextsDetails({ language }: { language: 'ru' | 'en' }) {
  const { placed } = useContext(Form)
  const group = textsGroup(language)
  const prefix = group.path.join('.')
  const invalid = [...placed.keys()].some((key) => key === prefix || key.startsWith(prefix + '.'))
  return (
    <details ref={useOpenWhen(invalid)}>
      <summary>{group.legend}</summary>
      <GroupBox group={group} />
    </details>
  )
}
