import type { OptionSchema } from '../../src/presets/shared'
import { isObject, type Json } from './draft'
import type { Field } from './fields'

// Between what a field shows and the JSON it edits. What is typed is what the file holds: `12a` in a
// number field is kept as the string "12a" and the validator says so, instead of the form swallowing it.
// An empty field removes its key: the widget's default applies, and nothing is written for it.

/** The text a field shows for `value`. */
export function display(field: Field, value: Json | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (field.kind === 'list' && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(', ')
  }
  return JSON.stringify(value, null, field.multiline ? 2 : undefined)
}

/**
 * The JSON for `text` typed into `field`. `loaded` is what the file said at this path when it was loaded:
 * an option loaded as a string ("3456789") stays a string when edited, a new one becomes a number.
 */
export function parse(field: Field, text: string, loaded?: Json): Json | undefined {
  if (text === '') return undefined
  if (field.kind === 'integer') return wholeNumber(text) ?? text
  if (field.kind === 'list') return text.split(/[\s,]+/).filter(Boolean)
  if (field.kind === 'value' && field.accepts) return typed(field.accepts, text, typeof loaded === 'string')
  return text
}

function typed(schema: OptionSchema, text: string, keepString: boolean): Json {
  if (takes(schema, 'object')) {
    try {
      const json = JSON.parse(text) as Json
      if (isObject(json)) return json
    } catch {
      // not JSON (yet): kept as typed, and the option check says what it expects
    }
  }
  if (takes(schema, 'boolean') && (text === 'true' || text === 'false')) return text === 'true'
  if (takes(schema, 'integer') && !keepString) return wholeNumber(text) ?? text
  return text
}

function takes(schema: OptionSchema, type: 'object' | 'boolean' | 'integer'): boolean {
  if ('anyOf' in schema) return schema.anyOf.some((inner) => takes(inner, type))
  return 'type' in schema && schema.type === type
}

/** Digits written the way JSON writes the number (no sign, no leading zero, safe): else not a number. */
function wholeNumber(text: string): number | undefined {
  const n = Number(text)
  return /^-?\d+$/.test(text) && Number.isSafeInteger(n) && String(n) === text ? n : undefined
}

/** Whether two JSON values are the same data. */
export const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b)
