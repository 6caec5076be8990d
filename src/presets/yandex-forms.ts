import type { Preset } from './preset'
import { checkOptions, inject } from './shared'

/** Only the embed script: the form's iframe stays in the page's markup, held until consent there. */
export const yandexForms: Preset = {
  title: 'Яндекс Формы',
  processor: {
    name: 'ООО «Яндекс»',
    country: 'RU',
    purpose: 'Формы обратной связи',
    policyUrl: 'https://yandex.ru/legal/confidential/',
  },
  hosts: ['forms.yandex.ru'],
  // Its cookies live on forms.yandex.ru and yandex.ru: the site can neither see nor delete them.
  cookies: [],
  storage: [],
  check: (options) => checkOptions(options, {}),
  load(_options, env) {
    inject(env, 'https://forms.yandex.ru/_static/embed.js')
  },
}
