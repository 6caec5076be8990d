import type { Preset } from './preset'
import { checkOptions, inject, page, required } from './shared'

interface Vk {
  Retargeting?: { Init(id: string): void; Hit(): void }
}

export const vkRetargeting: Preset = {
  title: 'VK Ретаргетинг',
  processor: {
    name: 'ООО «В контакте»',
    country: 'RU',
    purpose: 'Реклама: ретаргетинг ВКонтакте',
    policyUrl: 'https://vk.com/privacy',
  },
  hosts: ['vk.com/js/api/', 'vk.com/rtrg'],
  // Its cookies live on vk.com: the site can neither see nor delete them.
  cookies: [],
  storage: [],
  check: (options) =>
    checkOptions(options, {
      id: required({
        expected: 'a pixel id like "VK-RTRG-123456-AbCdE"',
        test: (value) => typeof value === 'string' && /^VK-RTRG-\d+-[A-Za-z0-9]+$/.test(value),
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
