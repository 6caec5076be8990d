import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { argsOf, fits, flag, inject, keepOnly, optOutFlag, page, positiveId, required, takes, type Rule } from './shared'

interface Ym {
  (...args: unknown[]): void
  a?: unknown[]
  l?: number
}

const rules: Record<string, Rule> = {
  id: required(positiveId),
  webvisor: flag,
  clickmap: flag,
  trackLinks: flag,
  accurateTrackBounce: flag,
  ecommerce: {
    expected: 'true, false or the name of a data container',
    schema: { anyOf: [{ type: 'boolean' }, { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$' }] },
  },
}

const optOut = (options: Readonly<Record<string, unknown>>) =>
  fits(positiveId.schema, options.id) ? 'disableYaCounter' + Number(options.id) : undefined

export const yandexMetrica: Preset = {
  ...disclosures['yandex-metrica'],
  hosts: ['mc.yandex.ru', 'mc.yandex.com', 'mc.webvisor.org', 'mc.webvisor.com'],
  // `_ym_uid` is mirrored to localStorage and restored from it; `zz` is Metrica's too.
  storage: ['_ym*', 'zz'],
  ...takes(rules),
  load(options, env) {
    const id = Number(options.id)
    const w = page()
    if (typeof w.ym !== 'function') {
      const stub: Ym = function () {
        // The real tag replays `arguments` objects, exactly as the official stub queues them.
        ;(stub.a = stub.a || []).push(arguments)
      }
      w.ym = stub
    }
    ;(w.ym as Ym).l = Date.now()
    const ecommerce = options.ecommerce === true ? 'dataLayer' : options.ecommerce
    ;(w.ym as Ym)(id, 'init', {
      // As in the official snippet for `tag.js?id=`.
      ssr: true,
      webvisor: options.webvisor === true,
      clickmap: options.clickmap !== false,
      trackLinks: options.trackLinks !== false,
      accurateTrackBounce: options.accurateTrackBounce !== false,
      ...(typeof ecommerce === 'string' ? { ecommerce } : {}),
      referrer: document.referrer,
      url: location.href,
    })
    inject(env, 'https://mc.yandex.ru/metrika/tag.js?id=' + id)
  },
  drain() {
    const ym = page().ym as Ym | undefined
    keepOnly(ym?.a, (entry) => argsOf(entry)?.[1] === 'init')
  },
  ...optOutFlag(optOut),
}
