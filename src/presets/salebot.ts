import type { Preset } from './preset'
import { checkOptions, inject, page, positiveId, required } from './shared'

interface SaleBotPro {
  init(options: { onlineChatId: string }): void
}

export const salebot: Preset = {
  title: 'Salebot',
  processor: { name: 'ООО «Сейлбот»', country: 'RU', purpose: 'Онлайн-чат и обратная связь с посетителями' },
  hosts: ['salebot.pro/js/'],
  // Cookie and storage names of the chat are not documented (trackers.md: unverified).
  cookies: [],
  storage: [],
  check: (options) => checkOptions(options, { onlineChatId: required(positiveId) }),
  load(options, env) {
    inject(env, 'https://salebot.pro/js/salebot.js', () => {
      ;(page().SaleBotPro as SaleBotPro | undefined)?.init({ onlineChatId: String(options.onlineChatId) })
    })
  },
}
