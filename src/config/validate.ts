import { configShape, type Shape } from './shape'
import type { Config } from './types'
import { toModel, type Model } from './model'

/**
 * Every problem in a config, each as `path: what was expected`. Collects them all so a marketer fixes a
 * file in one pass instead of one error per reload.
 */
export function validate(input: unknown): string[] {
  const errors: string[] = []
  walk(input, configShape, '', errors)
  if (!errors.length) crossCheck(input as Config, errors)
  return errors
}

export type Parsed = { model: Model; errors?: undefined } | { model?: undefined; errors: string[] }

export function parseConfig(input: unknown): Parsed {
  const errors = validate(input)
  return errors.length ? { errors } : { model: toModel(input as Config) }
}

const KINDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
}

function walk(value: unknown, shape: Shape, path: string, errors: string[]): void {
  const at = path || 'config'
  const fail = (what: string) => errors.push(`${at}: ${what}`)
  if (kindOf(value) !== shape.type) return void fail(`expected ${KINDS[shape.type]}, got ${show(value)}`)

  if (shape.type === 'string') {
    const text = value as string
    if (shape.enum && !shape.enum.includes(text)) fail(`${show(text)} is not one of ${shape.enum.join(', ')}`)
    if (shape.minLength && text.length < shape.minLength) fail('must not be empty')
    if (shape.pattern && !new RegExp(shape.pattern).test(text)) fail(`${show(text)} does not match ${shape.pattern}`)
  } else if (shape.type === 'integer') {
    const n = value as number
    if (n < (shape.minimum ?? -Infinity) || n > (shape.maximum ?? Infinity)) {
      fail(`expected a whole number from ${shape.minimum ?? '-∞'} to ${shape.maximum ?? '∞'}, got ${n}`)
    }
  } else if (shape.type === 'array') {
    ;(value as unknown[]).forEach((item, i) => walk(item, shape.items, `${at}[${i}]`, errors))
  } else if (shape.type === 'object') {
    const object = value as Record<string, unknown>
    const prefix = path ? path + '.' : ''
    if ('properties' in shape) {
      for (const key of shape.required ?? []) if (object[key] === undefined) errors.push(`${prefix}${key}: required`)
      for (const key in object) {
        const inner = shape.properties[key]
        if (inner) walk(object[key], inner, prefix + key, errors)
        else errors.push(`${prefix}${key}: unknown key; known: ${Object.keys(shape.properties).join(', ')}`)
      }
    } else if ('additionalProperties' in shape) {
      for (const key in object) {
        if (!new RegExp(shape.propertyNames.pattern).test(key)) {
          errors.push(`${prefix}${key}: an id must be 1 to 40 Latin letters, digits, "-" or "_"`)
        } else walk(object[key], shape.additionalProperties, prefix + key, errors)
      }
    }
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (value === null) return 'null'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 40 ? text.slice(0, 37) + '...' : text
}

/** What the shape cannot say: references between keys and combinations of keys. */
function crossCheck(config: Config, errors: string[]): void {
  const categories = { necessary: {}, ...config.categories }
  const known = Object.keys(categories)
  const fixed = ['necessary', 'analytics', 'marketing', 'functional']
  if (config.categories?.necessary?.enabled === false) {
    errors.push('categories.necessary.enabled: necessary cookies cannot be switched off')
  }
  for (const [id, category] of Object.entries(categories)) {
    if (!fixed.includes(id) && !('title' in category)) {
      errors.push(`categories.${id}.title: required for a category other than ${fixed.join(', ')}`)
    }
  }
  if (!config.policy.url && !config.policy.markdown) errors.push('policy: needs url or markdown')
  for (const [id, service] of Object.entries(config.services ?? {})) {
    const at = `services.${id}`
    if (!known.includes(service.category)) {
      errors.push(`${at}.category: ${show(service.category)} is not a category; known: ${known.join(', ')}`)
    }
    const sources = (['preset', 'src', 'code'] as const).filter((key) => service[key] !== undefined)
    if (sources.length > 1) errors.push(`${at}: takes one of preset, src, code; got ${sources.join(' and ')}`)
    if (service.options && !service.preset) errors.push(`${at}.options: only a preset takes options`)
    if (categories[id as keyof typeof categories]) errors.push(`${at}: "${id}" is already a category id`)
  }
}
