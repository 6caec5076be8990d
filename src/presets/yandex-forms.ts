import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { inject, takes } from './shared'

/** Only the embed script: the form's iframe stays in the page's markup, held until consent there. */
export const yandexForms: Preset = {
  ...disclosures['yandex-forms'],
  hosts: ['forms.yandex.ru'],
  storage: [],
  ...takes({}),
  load(_options, env) {
    inject(env, 'https://forms.yandex.ru/_static/embed.js')
  },
}
