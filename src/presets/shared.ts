import type { LoaderEnv, Preset } from './preset'

/**
 * An option's value, written as JSON Schema: schema.json and the configurator use it as it is, and
 * `check` tests by it (`fits`), so the editor and the widget cannot disagree about an option.
 */
export type OptionSchema =
  | { readonly type: 'string'; readonly pattern: string }
  | { readonly type: 'integer'; readonly minimum: number; readonly maximum: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'object' }
  | { readonly enum: readonly string[] }
  | { readonly anyOf: readonly OptionSchema[] }

/** What one option takes. `expected` completes `key: expected …, got …`. */
export interface Rule {
  readonly expected: string
  readonly schema: OptionSchema
  readonly required?: boolean
}

/** Whether a JSON value fits `schema`, as a JSON Schema validator reads it (a test holds ajv to the same). */
export function fits(schema: OptionSchema, value: unknown): boolean {
  if ('anyOf' in schema) return schema.anyOf.some((inner) => fits(inner, value))
  if ('enum' in schema) return schema.enum.includes(value as string)
  if (schema.type === 'string') return typeof value === 'string' && new RegExp(schema.pattern, 'u').test(value)
  if (schema.type === 'integer') {
    return Number.isInteger(value) && (value as number) >= schema.minimum && (value as number) <= schema.maximum
  }
  if (schema.type === 'boolean') return typeof value === 'boolean'
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export const required = (rule: Rule): Rule => ({ ...rule, required: true })

export const positiveId: Rule = {
  expected: 'a positive whole number',
  schema: {
    anyOf: [
      { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
      // Digits as a snippet quotes them; 15 significant ones always make a safe integer.
      { type: 'string', pattern: '^0*[1-9]\\d{0,14}$' },
    ],
  },
}

export const flag: Rule = { expected: 'true or false', schema: { type: 'boolean' } }

export const text: Rule = { expected: 'a non-empty string', schema: { type: 'string', pattern: '\\S' } }

export const oneOf = (...values: string[]): Rule => ({
  expected: values.map((value) => JSON.stringify(value)).join(' or '),
  schema: { enum: values },
})

/** A preset's options and the `check` that applies them. */
export function takes(options: Readonly<Record<string, Rule>>): Pick<Preset, 'options' | 'check'> {
  return { options, check: (given) => checkOptions(given, options) }
}

/** Problems with `options` against `rules`, in the rules' order, then unknown keys. */
export function checkOptions(options: Readonly<Record<string, unknown>>, rules: Record<string, Rule>): string[] {
  const problems: string[] = []
  const known = Object.keys(rules)
  for (const [key, rule] of Object.entries(rules)) {
    const value = options[key]
    if (value === undefined) {
      if (rule.required) problems.push(`${key}: required`)
    } else if (!fits(rule.schema, value)) problems.push(`${key}: expected ${rule.expected}, got ${show(value)}`)
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      problems.push(`${key}: unknown option; ${known.length ? 'known: ' + known.join(', ') : 'this preset takes none'}`)
    }
  }
  return problems
}

function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value)
  return json.length > 40 ? json.slice(0, 37) + '...' : json
}

/** The page's globals, which vendors' snippets read and write by name. */
export const page = (): Record<string, unknown> => window as unknown as Record<string, unknown>

/** Loads `src`, then runs `init`. A script that never loads (an ad blocker) is not the page's error. */
export function inject(env: LoaderEnv, src: string, init?: () => void, attributes?: Record<string, string>): void {
  env.script(src, attributes).then(init, () => {})
}

/** Filters a vendor's queue in place: page code may hold the same array under its own name. */
export function keepOnly<T>(queue: unknown, keep: (item: T) => boolean): void {
  if (!Array.isArray(queue)) return
  const kept = (queue as T[]).filter(keep)
  queue.splice(0, queue.length, ...kept)
}

/** A queued call: the `arguments` a vendor's stub pushed (or an array standing for them). */
export function argsOf(entry: unknown): unknown[] | undefined {
  if (Array.isArray(entry)) return entry
  return Object.prototype.toString.call(entry) === '[object Arguments]' ? Array.from(entry as ArrayLike<unknown>) : undefined
}

/** A vendor's own opt-out: a flag on window, named from the options, set while the service is refused. */
export function optOutFlag(name: (options: Readonly<Record<string, unknown>>) => string | undefined): Pick<Preset, 'refuse' | 'allow'> {
  return {
    refuse(options) {
      const flag = name(options)
      if (flag) page()[flag] = true
    },
    allow(options) {
      const flag = name(options)
      if (flag) delete page()[flag]
    },
  }
}
