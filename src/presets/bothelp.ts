import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { inject, page, required, takes } from './shared'

interface BhWidgetPage {
  init: new (settings: object) => unknown
}

export const bothelp: Preset = {
  ...disclosures.bothelp,
  hosts: ['bothelp.io/widget-folder/'],
  storage: [],
  ...takes({
    widget: required({ expected: "the settings object from Bothelp's widget code", schema: { type: 'object' } }),
  }),
  load(options, env) {
    inject(env, 'https://bothelp.io/widget-folder/widget-page.js', () => {
      const Widget = (page().BhWidgetPage as BhWidgetPage | undefined)?.init
      // The config is frozen; the widget may fill in its defaults on what it is given.
      if (Widget) new Widget(JSON.parse(JSON.stringify(options.widget)))
    })
  },
}
