import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { inject, page, required, takes } from './shared'

interface Vk {
  Retargeting?: { Init(id: string): void; Hit(): void }
}

export const vkRetargeting: Preset = {
  ...disclosures['vk-retargeting'],
  hosts: ['vk.com/js/api/', 'vk.com/rtrg'],
  storage: [],
  ...takes({
    id: required({
      expected: 'a pixel id like "VK-RTRG-123456-AbCdE"',
      schema: { type: 'string', pattern: '^VK-RTRG-\\d+-[A-Za-z0-9]+$' },
    }),
  }),
  load(options, env) {
    inject(env, 'https://vk.com/js/api/openapi.js?169', () => {
      const pixel = (page().VK as Vk | undefined)?.Retargeting
      pixel?.Init(String(options.id))
      pixel?.Hit()
    })
  },
}
