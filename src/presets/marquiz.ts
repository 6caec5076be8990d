import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { inject, oneOf, page, required, takes, text } from './shared'

interface Marquiz {
  init(options: Record<string, unknown>): void
}

export const marquiz: Preset = {
  ...disclosures.marquiz,
  hosts: ['script.marquiz.ru'],
  storage: [],
  // `region` is where the Marquiz account lives; Marquiz's snippet says which.
  ...takes({ id: required(text), region: oneOf('ru', 'eu') }),
  load(options, env) {
    const settings = {
      host: '//quiz.marquiz.ru',
      ...(options.region ? { region: options.region } : {}),
      id: options.id,
      autoOpen: false,
      autoOpenFreq: 'once',
      openOnExit: false,
      disableOnMobile: false,
    }
    inject(env, 'https://script.marquiz.ru/v2.js', () => {
      const init = () => (page().Marquiz as Marquiz | undefined)?.init(settings)
      if (document.readyState !== 'loading') init()
      else document.addEventListener('DOMContentLoaded', init)
    })
  },
}
