import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { argsOf, inject, keepOnly, oneOf, page, positiveId, required, takes } from './shared'

interface Mgo {
  (...args: unknown[]): void
  q?: unknown[]
  u?: string
  t?: number
}

const SRC = 'https://widgets.mango-office.ru/widgets/mango.js'
const MODES = ['calltracking', 'multichannel']

/** `mgo({calltracking: {...}})` or `mgo({multichannel: {...}})`: the only calls worth replaying. */
const isInit = (entry: unknown) => {
  const first = argsOf(entry)?.[0]
  return typeof first === 'object' && first !== null && MODES.some((mode) => mode in first)
}

export const mangoOffice: Preset = {
  ...disclosures['mango-office'],
  hosts: ['widgets.mango-office.ru', 'dct.mango-office.ru'],
  // trackers.md names no storage keys for the widget.
  storage: [],
  ...takes({ id: required(positiveId), mode: oneOf(...MODES) }),
  load(options, env) {
    const w = page()
    w.MangoObject = 'mgo'
    if (typeof w.mgo !== 'function') {
      const stub: Mgo = function () {
        ;(stub.q = stub.q || []).push(arguments)
      }
      w.mgo = stub
    }
    const mgo = w.mgo as Mgo
    mgo.u = SRC
    mgo.t = Date.now()
    const id = Number(options.id)
    mgo(
      options.mode === 'multichannel'
        ? { multichannel: { id } }
        : // The site marks the phone numbers to replace with this class, as in Mango's snippet.
          { calltracking: { id, elements: [{ selector: '.mango-number' }] } },
    )
    inject(env, SRC, undefined, { id: 'mango-js' })
  },
  drain() {
    keepOnly((page().mgo as Mgo | undefined)?.q, isInit)
  },
}
