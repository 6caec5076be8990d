import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { inject, page, positiveId, required, takes } from './shared'

interface SaleBotPro {
  init(options: { onlineChatId: string }): void
}

export const salebot: Preset = {
  ...disclosures.salebot,
  hosts: ['salebot.pro/js/'],
  storage: [],
  ...takes({ onlineChatId: required(positiveId) }),
  load(options, env) {
    inject(env, 'https://salebot.pro/js/salebot.js', () => {
      ;(page().SaleBotPro as SaleBotPro | undefined)?.init({ onlineChatId: String(options.onlineChatId) })
    })
  },
}
