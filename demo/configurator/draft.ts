import { atom, computed } from 'nanostores'

// The config being edited, as JSON: the truth the form, the preview and the export all read. Edits
// replace one value in place, so key order survives, keys the form does not know (`$schema`, a typo)
// stay, and nothing the user did not set is ever written.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }
/** Keys from the root, e.g. ['services', 'vk-ads', 'options', 'id']. */
export type Path = readonly string[]

export interface Draft {
  readonly config: JsonObject
  /** The config as loaded: re-ticking a box restores what it said there instead of inventing a value. */
  readonly baseline: JsonObject
}

/** Any JSON value; a value that is not an object is edited as an empty one (the validator says why). */
export const $draft = atom<Draft>({ config: {}, baseline: {} })
export const $config = computed($draft, (draft) => draft.config)

export function load(config: Json): void {
  const object = isObject(config) ? config : {}
  $draft.set({ config: object, baseline: object })
}

const KEPT = 'soglasie-configurator:draft'

/**
 * Keeps the draft in this browser from now on, so that a reload or a closed tab does not lose a
 * half-done config; returns whether an earlier draft was restored. Where storage is refused (blocked,
 * full), the page works as before and keeps nothing.
 */
export function keepDraft(storage: () => Storage = () => localStorage): boolean {
  let restored = false
  try {
    const kept = JSON.parse(storage().getItem(KEPT) ?? 'null') as Json
    if (isObject(kept) && isObject(kept.config) && isObject(kept.baseline)) {
      $draft.set({ config: kept.config, baseline: kept.baseline })
      restored = true
    }
  } catch {
    // Nothing kept, or nothing readable: the draft stays as loaded.
  }
  $draft.listen((draft) => {
    try {
      storage().setItem(KEPT, JSON.stringify(draft))
    } catch {
      // Storage refused: this edit is not kept.
    }
  })
  return restored
}

/** Sets the value at `path`; `undefined` removes the key (and the objects that only held it, see prune). */
export function edit(path: Path, value: Json | undefined): void {
  const draft = $draft.get()
  $draft.set({ ...draft, config: setIn(draft.config, path, value) })
}

/** Removes the key at `path` and nothing else, even when its parent is left empty. */
export function remove(path: Path): void {
  const draft = $draft.get()
  $draft.set({ ...draft, config: setIn(draft.config, path, undefined, false) })
}

export function valueAt(config: Json | undefined, path: Path): Json | undefined {
  let value: Json | undefined = config
  for (const key of path) value = isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined
  return value
}

/** The file a marketer downloads: two-space JSON, line feeds, a final newline. */
export const exportJson = (config: Json): string => JSON.stringify(config, null, 2) + '\n'

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A copy of `object` with `value` at `path`. An existing key keeps its place; a new one goes last.
 * Removing a value also removes the objects left empty on the way up (`cookie: {}` after the domain
 * is cleared), except those that mean something when empty: see `keepsWhenEmpty`.
 */
export function setIn(object: JsonObject, path: Path, value: Json | undefined, prune = true, at: Path = []): JsonObject {
  const [key, ...rest] = path
  if (key === undefined) return object
  const here = [...at, key]
  const current = object[key]
  const next = rest.length ? setIn(isObject(current) ? current : {}, rest, value, prune, here) : value
  if (next === undefined || (prune && rest.length && isEmpty(next) && !keepsWhenEmpty(here))) {
    if (!Object.hasOwn(object, key)) return object
    const { [key]: _, ...others } = object
    return others
  }
  return { ...object, [key]: next }
}

const isEmpty = (value: Json) => isObject(value) && Object.keys(value).length === 0

/** The required objects, and a category or a service: `"analytics": {}` switches one on with the defaults. */
function keepsWhenEmpty(path: Path): boolean {
  const [first] = path
  if (first === 'operator' || first === 'policy') return path.length === 1
  return (first === 'categories' || first === 'services') && path.length <= 2
}
