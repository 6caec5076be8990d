// Builds schema.json (JSON Schema 2020-12) from the shape the widget validates with, adding the
// descriptions editors show on hover, and each preset's options from the rules its `check` applies.
// Run by the build; a unit test keeps the committed file current.
import type { Shape } from '../src/config/shape'
import { configShape, presetIds } from '../src/config/shape'
import type { PresetId } from '../src/config/types'
import { optionRules } from '../src/presets/index'
import { docs } from './schema-docs'
import { ru, ruDialogs } from '../src/texts/ru'
import { en, enDialogs } from '../src/texts/en'

const defaults = { ru: { ...ru, ...ruDialogs }, en: { ...en, ...enDialogs } }

type Json = { [key: string]: unknown }

export function jsonSchema(): Json {
  const schema = convert(configShape, '')
  const service = (schema.properties as Record<string, Json>).services!.additionalProperties as Json
  service.allOf = presetIds.map(presetOptions)
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'soglasie.config.json', ...schema }
}

/** `options` of a service with this preset, exactly as the preset's `check` takes them. */
function presetOptions(preset: PresetId): Json {
  const rules = Object.entries(optionRules(preset))
  const properties = Object.fromEntries(
    rules.map(([key, { description, schema }]) => {
      if (!description) throw new Error(`src/presets/docs.ts: no description for ${preset} option "${key}"`)
      return [key, { description, ...schema }]
    }),
  )
  const required = rules.filter(([, rule]) => rule.required).map(([key]) => key)
  const options: Json = { type: 'object', properties, additionalProperties: false }
  if (required.length) options.required = required
  return {
    if: { properties: { preset: { const: preset } }, required: ['preset'] },
    // `check` sees a missing `options` as {}: required keys make the object itself required.
    then: { properties: { options }, ...(required.length ? { required: ['options'] } : {}) },
  }
}

function convert(shape: Shape, path: string): Json {
  const text = /^texts\.(ru|en)\.(\w+)$/.exec(path)
  const description = text ? `Default: ${defaults[text[1] as 'ru' | 'en'][text[2] as keyof typeof defaults.ru]}` : docs[path]
  if (text && description.endsWith('undefined')) throw new Error(`no default text for ${path}`)
  if (path && !description) throw new Error(`scripts/schema-docs.ts: no description for "${path}"`)
  const out: Json = description ? { description } : {}
  const prefix = path ? path + '.' : ''
  if (shape.type !== 'object') {
    const { ...rest } = shape as Json
    if (shape.type === 'array') rest.items = convert(shape.items, prefix + '[]')
    return { ...out, ...rest }
  }
  out.type = 'object'
  if ('properties' in shape) {
    out.properties = Object.fromEntries(
      Object.entries(shape.properties).map(([key, inner]) => [key, convert(inner, prefix + key)]),
    )
    if (shape.required) out.required = [...shape.required]
    out.additionalProperties = false
  } else if ('additionalProperties' in shape) {
    out.propertyNames = shape.propertyNames
    out.additionalProperties = convert(shape.additionalProperties, prefix + '*')
  }
  return out
}

export function allDocPaths(): string[] {
  return Object.keys(docs)
}
