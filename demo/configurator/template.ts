import type { JsonObject } from './draft'

/**
 * A Tilda site with Yandex Metrica and the VK Ads pixel. What only the site owner knows is left out on
 * purpose (the operator's name, the policy's address, the counter numbers): the form marks each as an
 * error to fix, and no placeholder can reach a live site by mistake.
 */
export const tildaTemplate = (): JsonObject => ({
  revision: 1,
  language: 'ru',
  operator: {},
  policy: {},
  categories: {
    necessary: {},
    analytics: {},
    marketing: {},
  },
  services: {
    tilda: {
      category: 'necessary',
      title: 'Tilda',
      processor: {
        name: 'АО «Тильда Пабблишинг»',
        country: 'RU',
        purpose: 'Хостинг сайта и приём заявок с форм',
        policyUrl: 'https://tilda.ru/privacy/',
      },
    },
    'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: {} },
    'vk-ads': { category: 'marketing', preset: 'vk-ads', options: {} },
  },
})
