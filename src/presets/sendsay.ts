import type { Preset } from './preset'
import { checkOptions, inject, page } from './shared'

interface Sendsay {
  activatePopup(url: string): unknown
}

/** Forms embedded by markup (`data-sendsay-form-embedded`) need only the script; `form` adds a popup. */
export const sendsay: Preset = {
  title: 'Sendsay',
  processor: { name: 'АО «Интернет-Проекты»', country: 'RU', purpose: 'Формы подписки на рассылки' },
  hosts: ['image.sendsay.ru/app/js/forms/'],
  cookies: ['__sendsay_forms_*'],
  storage: [],
  check: (options) =>
    checkOptions(options, {
      form: {
        expected: 'a form URL like "https://sendsay.ru/form/login/1"',
        test: (value) => typeof value === 'string' && /^https:\/\/sendsay\.ru\/form\/[^/\s]+\/[^/\s]+\/?$/.test(value),
      },
    }),
  load(options, env) {
    inject(env, 'https://image.sendsay.ru/app/js/forms/forms.min.js', () => {
      if (typeof options.form === 'string') (page().SENDSAY as Sendsay | undefined)?.activatePopup(options.form)
    })
  },
}
