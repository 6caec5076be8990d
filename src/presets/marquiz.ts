import type { Preset } from './preset'
import { checkOptions, inject, oneOf, page, required, text } from './shared'

interface Marquiz {
  init(options: Record<string, unknown>): void
}

export const marquiz: Preset = {
  title: 'Marquiz',
  processor: {
    name: 'ИП Балачков Геннадий Андреевич',
    country: 'RU',
    purpose: 'Интерактивные квизы (тесты) на сайте',
  },
  hosts: ['script.marquiz.ru'],
  // Cookie and storage names are not documented (trackers.md: unverified).
  cookies: [],
  storage: [],
  // `region` is where the Marquiz account lives; Marquiz's snippet says which.
  check: (options) => checkOptions(options, { id: required(text), region: oneOf('ru', 'eu') }),
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
