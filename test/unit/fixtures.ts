import type { Config } from '../../src/config/types'

/** A small valid config: two optional categories, a service in each, one disclosure-only processor. */
export function config(extra: Partial<Config> = {}): Config {
  return {
    operator: { name: 'ООО «МЕДИАСФЕРА СОФТ»', inn: '7806585855', ogrn: '1217800066989' },
    policy: { url: 'https://www.mediasfera-soft.ru/privacy', version: '2025-09-01' },
    categories: {
      necessary: { title: 'Необходимые' },
      analytics: { title: 'Аналитика' },
      marketing: { title: 'Реклама' },
    },
    services: {
      'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: 12345678 } },
      'vk-ads': { category: 'marketing', preset: 'vk-ads', options: { id: '3456789' } },
      amocrm: { category: 'necessary', processor: { name: 'АО «Амоцрм»', country: 'RU', purpose: 'CRM' } },
    },
    ...extra,
  }
}
