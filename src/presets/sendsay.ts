import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { inject, page, takes } from './shared'

interface Sendsay {
  activatePopup(url: string): unknown
}

/** Forms embedded by markup (`data-sendsay-form-embedded`) need only the script; `form` adds a popup. */
export const sendsay: Preset = {
  ...disclosures.sendsay,
  hosts: ['image.sendsay.ru/app/js/forms/'],
  storage: [],
  ...takes({
    form: {
      expected: 'a form URL like "https://sendsay.ru/form/login/1"',
      schema: { type: 'string', pattern: '^https://sendsay\\.ru/form/[^/\\s]+/[^/\\s]+/?$' },
    },
  }),
  load(options, env) {
    inject(env, 'https://image.sendsay.ru/app/js/forms/forms.min.js', () => {
      if (typeof options.form === 'string') (page().SENDSAY as Sendsay | undefined)?.activatePopup(options.form)
    })
  },
}
