import type { Preset } from './preset'
import { checkOptions, inject, page, required } from './shared'

interface BhWidgetPage {
  init: new (settings: object) => unknown
}

export const bothelp: Preset = {
  title: 'Bothelp',
  processor: { name: 'ООО «Ботхелп»', country: 'RU', purpose: 'Кнопки связи через мессенджеры и чат-боты' },
  hosts: ['bothelp.io/widget-folder/'],
  // Cookie and storage names are not documented (trackers.md: unverified).
  cookies: [],
  storage: [],
  check: (options) =>
    checkOptions(options, {
      widget: required({
        expected: "the settings object from Bothelp's widget code",
        test: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      }),
    }),
  load(options, env) {
    inject(env, 'https://bothelp.io/widget-folder/widget-page.js', () => {
      const Widget = (page().BhWidgetPage as BhWidgetPage | undefined)?.init
      // The config is frozen; the widget may fill in its defaults on what it is given.
      if (Widget) new Widget(JSON.parse(JSON.stringify(options.widget)))
    })
  },
}
