import type { Disclosure, Preset } from './preset'
import { inject, keepOnly, page, positiveId, required, takes } from './shared'

/**
 * The Top.Mail.Ru counter, which is also the VK Ads pixel: one `code.js`, one `_tmr` queue, told apart
 * only by how the site names them. Two configured counters share the script and the queue.
 */
export function topMailRuCounter(disclosure: Disclosure): Preset {
  return {
    ...disclosure,
    hosts: ['top-fwz1.mail.ru'],
    // Not confirmed in trackers.md; the prefix is the counter's own, so clearing it cannot hit site data.
    storage: ['tmr_*'],
    ...takes({ id: required(positiveId) }),
    load(options, env) {
      const w = page()
      const queue = (w._tmr = w._tmr || []) as { push(entry: object): void }
      queue.push({ id: String(options.id), type: 'pageView', start: Date.now() })
      // The snippet's element id, so a copy of the snippet elsewhere on the page sees it is loaded.
      inject(env, 'https://top-fwz1.mail.ru/js/code.js', undefined, { id: 'tmr-code' })
    },
    drain() {
      keepOnly<{ type?: unknown }>(page()._tmr, (entry) => entry?.type === 'pageView')
    },
  }
}
