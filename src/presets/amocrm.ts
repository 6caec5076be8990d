import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { inject, oneOf, page, positiveId, required, takes, text } from './shared'

interface Queue {
  (...args: unknown[]): void
  q?: unknown[]
}

/** The online chat («кнопка на сайт»); amoCRM's web forms are separate embeds. */
export const amocrm: Preset = {
  ...disclosures.amocrm,
  hosts: ['gso.amocrm.ru'],
  storage: [],
  ...takes({ id: required(positiveId), hash: required(text), locale: oneOf('ru', 'en') }),
  load(options, env) {
    const w = page()
    w.amo_social_button = {
      id: String(options.id),
      hash: options.hash,
      locale: options.locale ?? 'ru',
      inline: false,
      setMeta(this: { params?: unknown[] }, params: unknown) {
        this.params = (this.params || []).concat([params])
      },
    }
    if (typeof w.amoSocialButton !== 'function') {
      const stub: Queue = function () {
        ;(stub.q = stub.q || []).push(arguments)
      }
      w.amoSocialButton = stub
    }
    inject(env, 'https://gso.amocrm.ru/js/button.js', undefined, { id: 'amo_social_button_script' })
  },
}
