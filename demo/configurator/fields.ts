import { presetIds } from '../../src/config/shape'
import type { PresetId } from '../../src/config/types'
import { optionRules, presets, type OptionRule } from '../../src/presets/index'
import { disclosures } from '../../src/presets/disclosures'
import type { OptionSchema } from '../../src/presets/shared'
import { en, enDialogs } from '../../src/texts/en'
import { ru, ruDialogs, type Texts } from '../../src/texts/ru'
import { isObject, type Json, type JsonObject, type Path } from './draft'
import { optionHints, optionLabels, textLabels } from './labels'

// The form as data: every field and group of fields with the config path it edits. The components
// render these, and the same list tells where each of the widget's error lines belongs (`targets`).

export type Choice = readonly [value: Json, label: string]

export interface Field {
  readonly path: Path
  readonly label: string
  /** How the text typed becomes JSON and back; see `controls.tsx`. */
  readonly kind: 'text' | 'long' | 'integer' | 'list' | 'value' | 'choice' | 'flag'
  readonly hint?: string
  readonly placeholder?: string
  readonly required?: boolean
  /** `choice`: the values offered; unset (the widget's default) is offered unless `required`. */
  readonly choices?: readonly Choice[]
  /** `choice`: how the unset choice reads, e.g. «по умолчанию: снизу во всю ширину». */
  readonly unset?: string
  /** `flag`: what the widget assumes when the key is absent. */
  readonly default?: boolean
  /** `value`: the JSON types the option takes, so `12345` becomes a number and `true` a boolean. */
  readonly accepts?: OptionSchema
  /** `value`: typed in a text area (an option that takes an object, as JSON). */
  readonly multiline?: boolean
  readonly inputType?: 'email' | 'url' | 'tel'
  readonly autocomplete?: string
}

export interface Group {
  readonly path: Path
  readonly legend: string
  readonly hint?: string
  readonly fields: readonly Field[]
  /** Shown under «Подробнее», opened by itself when one of them has an error. */
  readonly more?: readonly Field[]
}

const text = (path: Path, label: string, extra: Partial<Field> = {}): Field => ({ path, label, kind: 'text', ...extra })

export function generalGroups(): Group[] {
  return [
    {
      path: ['operator'],
      legend: 'Оператор персональных данных',
      hint: 'Кто обрабатывает данные посетителей: как в политике и в реестре Роскомнадзора.',
      fields: [
        text(['operator', 'name'], 'Название', { required: true, autocomplete: 'organization', placeholder: 'ООО «Ромашка»' }),
        text(['operator', 'inn'], 'ИНН', { hint: '10 цифр для организации, 12 для ИП.', placeholder: '7800000000' }),
        text(['operator', 'ogrn'], 'ОГРН или ОГРНИП', { hint: '13 или 15 цифр.' }),
        text(['operator', 'address'], 'Адрес'),
        text(['operator', 'email'], 'Электронная почта', { inputType: 'email', autocomplete: 'email' }),
        text(['operator', 'phone'], 'Телефон', { inputType: 'tel', autocomplete: 'tel' }),
      ],
    },
    {
      path: ['policy'],
      legend: 'Политика обработки персональных данных',
      hint: 'Нужна ссылка на страницу политики или её текст (или и то и другое).',
      fields: [
        text(['policy', 'url'], 'Ссылка на политику', { inputType: 'url', placeholder: 'https://example.ru/privacy' }),
        text(['policy', 'version'], 'Версия или дата', { placeholder: '2025-09-01' }),
        {
          path: ['policy', 'markdown'],
          label: 'Текст политики (Markdown)',
          kind: 'long',
          hint: 'Если задан, политика открывается в окне поверх сайта; заголовки #, списки, таблицы, **жирный**.',
        },
      ],
    },
    {
      path: ['consentDocument'],
      legend: 'Согласие на обработку персональных данных',
      fields: [
        text(['consentDocument', 'url'], 'Ссылка на текст согласия', { inputType: 'url', placeholder: 'https://example.ru/consent' }),
        text(['consentDocument', 'version'], 'Версия или дата'),
      ],
    },
    {
      path: ['cookie'],
      legend: 'Cookie с выбором посетителя',
      fields: [
        text(['cookie', 'domain'], 'Домен', {
          hint: 'С точкой в начале выбор действует на всех поддоменах: .example.ru. Пусто — только на текущем.',
          placeholder: '.example.ru',
        }),
        text(['cookie', 'name'], 'Имя', { placeholder: 'soglasie' }),
        { path: ['cookie', 'expiresDays'], label: 'Срок хранения, дней', kind: 'integer', placeholder: '365' },
      ],
    },
    {
      path: ['receipts'],
      legend: 'Квитанции о согласии',
      hint: 'Куда отправлять квитанцию о каждом решении посетителя (доказательство согласия по 152-ФЗ). Из предпросмотра квитанции не отправляются.',
      fields: [text(['receipts', 'endpoint'], 'Адрес приёма квитанций', { inputType: 'url', placeholder: 'https://consent.example.ru/v1/receipts' })],
    },
    {
      path: ['ui'],
      legend: 'Внешний вид и поведение',
      fields: [
        {
          path: ['ui', 'position'],
          label: 'Положение баннера',
          kind: 'choice',
          unset: 'по умолчанию: полоса внизу',
          choices: [['bar', 'полоса внизу'], ['box', 'окно слева внизу'], ['center', 'по центру']],
        },
        {
          path: ['ui', 'theme'],
          label: 'Тема',
          kind: 'choice',
          unset: 'по умолчанию: светлая',
          choices: [['light', 'светлая'], ['dark', 'тёмная'], ['auto', 'как в системе посетителя']],
        },
        {
          path: ['language'],
          label: 'Язык',
          kind: 'choice',
          unset: 'по умолчанию: русский',
          choices: [['ru', 'русский'], ['en', 'английский'], ['auto', 'по языку страницы и браузера']],
        },
        { path: ['ui', 'button'], label: 'Плавающая кнопка «Cookie» для возврата к настройкам', kind: 'flag', default: false },
        {
          path: ['autoBlock'],
          label: 'Блокировать счётчики, которые вставляет Tilda, до согласия',
          kind: 'flag',
          default: true,
        },
        {
          path: ['revision'],
          label: 'Редакция',
          kind: 'integer',
          placeholder: '1',
          hint: 'Увеличьте, чтобы спросить всех посетителей заново.',
        },
      ],
    },
  ]
}

const FIXED = ['necessary', 'analytics', 'marketing', 'functional'] as const
type Fixed = (typeof FIXED)[number]
const isFixed = (id: string): id is Fixed => (FIXED as readonly string[]).includes(id)

/** A category's name as the visitor sees it. */
export function categoryName(id: string, category: Json | undefined): string {
  if (isObject(category) && typeof category.title === 'string' && category.title) return category.title
  return isFixed(id) ? ru[id] : id
}

export function categoryGroup(id: string, category: Json | undefined): Group {
  const at = ['categories', id]
  const fixed = isFixed(id)
  return {
    path: at,
    legend: `Категория «${categoryName(id, category)}» (${id})`,
    fields: [
      // `necessary` cannot be switched off: its box is drawn ticked and disabled (see controls.tsx).
      { path: [...at, 'enabled'], label: 'Категория включена', kind: 'flag', default: true },
      text([...at, 'title'], 'Название', { required: !fixed, placeholder: fixed ? ru[id] : '' }),
      { path: [...at, 'description'], label: 'Описание', kind: 'long', placeholder: fixed ? ruDialogs[`${id}Text`] : '' },
    ],
  }
}

/** A service's name as the visitor sees it, as the widget picks it. */
export function serviceName(id: string, service: Json | undefined): string {
  if (!isObject(service)) return id
  if (typeof service.title === 'string' && service.title) return service.title
  if (isPreset(service.preset)) return disclosures[service.preset].title
  if (isObject(service.processor) && typeof service.processor.name === 'string' && service.processor.name) {
    return service.processor.name
  }
  return id
}

export const isPreset = (value: Json | undefined): value is PresetId =>
  typeof value === 'string' && Object.hasOwn(presets, value)

export const presetChoices: readonly Choice[] = presetIds.map((id) => [id, disclosures[id].title])

export function serviceGroup(id: string, service: Json | undefined, categories: readonly Choice[]): Group {
  const at = ['services', id]
  const object = isObject(service) ? service : {}
  const hasPreset = object.preset !== undefined
  const fields: Field[] = [
    { path: [...at, 'enabled'], label: 'Сервис включён', kind: 'flag', default: true },
    {
      path: [...at, 'category'],
      label: 'Категория',
      kind: 'choice',
      required: true,
      choices: categories,
    },
  ]
  if (hasPreset) {
    fields.push({ path: [...at, 'preset'], label: 'Готовый сервис', kind: 'choice', required: true, choices: presetChoices })
    if (isPreset(object.preset)) fields.push(...optionFields([...at, 'options'], optionRules(object.preset), optionHints[object.preset]))
  } else {
    fields.push(
      text([...at, 'src'], 'Адрес скрипта (src)', {
        inputType: 'url',
        hint: 'Без адреса и кода сервис только раскрывается посетителю (например, CRM или телефония на сервере).',
      }),
    )
  }
  const preset = isPreset(object.preset) ? disclosures[object.preset] : undefined
  const more: Field[] = [
    text([...at, 'title'], 'Название для посетителя', { placeholder: preset?.title ?? '' }),
    text([...at, 'processor', 'name'], 'Обработчик: название', {
      placeholder: preset?.processor.name ?? '',
      hint: preset ? 'Пусто — обработчик пресета; заданный обработчик заменяет его целиком.' : undefined,
    }),
    text([...at, 'processor', 'country'], 'Обработчик: страна (две буквы)', { placeholder: 'RU' }),
    text([...at, 'processor', 'purpose'], 'Обработчик: цель'),
    text([...at, 'processor', 'policyUrl'], 'Обработчик: ссылка на политику', { inputType: 'url' }),
    text([...at, 'processor', 'address'], 'Обработчик: адрес'),
    {
      path: [...at, 'cookies'],
      label: 'Cookie сервиса',
      kind: 'list',
      hint: 'Имена или шаблоны со * через запятую: удаляются при отзыве согласия.',
    },
  ]
  if (!hasPreset) more.push({ path: [...at, 'code'], label: 'Код скрипта (JavaScript)', kind: 'long' })
  return { path: at, legend: `Сервис «${serviceName(id, service)}» (${id})`, fields, more }
}

function optionFields(at: Path, rules: Record<string, OptionRule>, hints: Readonly<Record<string, string>>): Field[] {
  return Object.entries(rules).map(([key, rule]): Field => {
    const base = {
      path: [...at, key],
      label: `${optionLabels[key] ?? key} (${key})`,
      hint: hints[key],
      required: rule.required === true,
    }
    const schema = rule.schema
    if ('enum' in schema) return { ...base, kind: 'choice', unset: 'по умолчанию', choices: schema.enum.map((v) => [v, v]) }
    if ('type' in schema && schema.type === 'boolean') {
      return { ...base, kind: 'choice', unset: 'по умолчанию', choices: [[true, 'да'], [false, 'нет']] }
    }
    if ('type' in schema && schema.type === 'object') return { ...base, kind: 'value', accepts: schema, multiline: true }
    return { ...base, kind: 'value', accepts: schema }
  })
}

const TEXT_KEYS = Object.keys(textLabels) as (keyof Texts)[]

export function textsGroup(language: 'ru' | 'en'): Group {
  const defaults: Texts = language === 'ru' ? { ...ru, ...ruDialogs } : { ...en, ...enDialogs }
  return {
    path: ['texts', language],
    legend: language === 'ru' ? 'Тексты на русском' : 'Тексты на английском',
    hint: 'Пустое поле — текст по умолчанию (он виден в поле серым).',
    fields: TEXT_KEYS.map((key) => ({
      path: ['texts', language, key],
      label: textLabels[key],
      kind: key === 'bannerText' || key.endsWith('Text') ? 'long' : 'text',
      placeholder: defaults[key],
    })),
  }
}

/** Category ids a service may name, `necessary` included even when the config leaves it out. */
export function categoryIds(config: JsonObject): string[] {
  const categories = isObject(config.categories) ? Object.keys(config.categories) : []
  return categories.includes('necessary') ? categories : ['necessary', ...categories]
}

/** The same, each with the name the visitor sees. */
export const categoryChoices = (config: JsonObject): Choice[] =>
  categoryIds(config).map((id) => [id, categoryName(id, isObject(config.categories) ? config.categories[id] : undefined)])

export const entries = (value: Json | undefined): [string, Json][] => (isObject(value) ? Object.entries(value) : [])

/** Every group and field the form shows for `config`, as dotted paths: where error lines can go. */
export function targets(config: JsonObject): string[] {
  const categories = categoryChoices(config)
  const groups = [
    ...generalGroups(),
    ...entries(config.categories).map(([id, category]) => categoryGroup(id, category)),
    ...entries(config.services).map(([id, service]) => serviceGroup(id, service, categories)),
    textsGroup('ru'),
    textsGroup('en'),
  ]
  const paths = groups.flatMap((group) => [group.path, ...group.fields.map((f) => f.path), ...(group.more ?? []).map((f) => f.path)])
  // The sections themselves take what is about the whole list (`services.a b: an id must be …`).
  return ['categories', 'services', 'texts', ...paths.map((path) => path.join('.'))]
}
