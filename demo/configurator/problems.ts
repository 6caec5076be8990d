import { validate } from '../../src/config/validate'
import type { PresetId } from '../../src/config/types'
import { checkOptions, optionRules, presets } from '../../src/presets/index'
import { isObject, type Json, type JsonObject } from './draft'

/** One line of the widget's own report, split at its path: `services.vk-ads.options.id: required`. */
export interface Problem {
  /** Dotted, as the widget prints it (`services.x.cookies[0]`); `config` for the whole file. */
  readonly path: string
  readonly message: string
  /** The line exactly as the widget's console shows it. */
  readonly text: string
  /** false: the widget starts, but this one service will not load (a preset's options). */
  readonly fatal: boolean
}

/**
 * What the widget would say about this config: the validator's report (any line of it and the widget
 * fails closed), then each running preset's option check, prefixed the way the services file prints it.
 */
export function check(config: Json): Problem[] {
  const problems = validate(config).map((text) => split(text, true))
  for (const [id, service] of running(config)) {
    const preset = service.preset as PresetId
    const options = isObject(service.options) ? service.options : {}
    for (const line of checkOptions(options, optionRules(preset))) {
      problems.push(split(`services.${id}.options.${line}`, false))
    }
  }
  return problems
}

function split(text: string, fatal: boolean): Problem {
  const at = text.indexOf(': ')
  return { path: text.slice(0, at), message: text.slice(at + 2), text, fatal }
}

/**
 * Services the widget would start, with a known preset: enabled, in an enabled category. With shape
 * errors the widget starts nothing, yet their options are checked too, so one pass shows everything.
 */
function running(config: Json): [string, JsonObject][] {
  if (!isObject(config) || !isObject(config.services)) return []
  const categories = isObject(config.categories) ? config.categories : {}
  const on = (id: Json | undefined) => {
    if (id === 'necessary') return true
    const category = typeof id === 'string' && Object.hasOwn(categories, id) ? categories[id] : undefined
    return isObject(category) && category.enabled !== false
  }
  return Object.entries(config.services).filter(
    (entry): entry is [string, JsonObject] =>
      isObject(entry[1]) &&
      entry[1].enabled !== false &&
      on(entry[1].category) &&
      typeof entry[1].preset === 'string' &&
      Object.hasOwn(presets, entry[1].preset) &&
      (entry[1].options === undefined || isObject(entry[1].options)),
  )
}

/**
 * Where each problem is shown: at the deepest field or group of fields whose path its path starts with
 * (`categories.analytics.titel: unknown key` belongs to the analytics group). `targets` are the dotted
 * paths the form renders. Problems no target takes are returned under `''` (the summary shows them).
 */
export function place(problems: readonly Problem[], targets: Iterable<string>): Map<string, Problem[]> {
  const known = new Set(targets)
  const placed = new Map<string, Problem[]>()
  for (const problem of problems) {
    const target = owner(problem.path, known)
    placed.set(target, [...(placed.get(target) ?? []), problem])
  }
  return placed
}

/** The deepest target that is `path` or an ancestor of it, by whole keys; `''` when none is. */
export function owner(path: string, targets: ReadonlySet<string>): string {
  const keys = path.replace(/\[\d+\]/g, '').split('.')
  for (let n = keys.length; n > 0; n--) {
    const candidate = keys.slice(0, n).join('.')
    if (targets.has(candidate)) return candidate
  }
  return ''
}
