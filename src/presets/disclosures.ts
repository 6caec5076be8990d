import type { PresetId } from '../config/types'
import type { Disclosure } from './preset'

/** The Top.Mail.Ru counter is also the VK Ads pixel (see tmr.ts): one processor, one cookie, two names. */
const counter = (title: string, purpose: string): Disclosure => ({
  title,
  processor: { name: 'ООО «В контакте»', country: 'RU', purpose },
  cookies: ['tmr_*'],
})

/**
 * What the visitor is told about each preset's service when the config does not say: its title,
 * processor and cookies. Written here once: each preset is built on its entry, and the preferences
 * dialog shows the entries without carrying the presets' loaders.
 */
export const disclosures: Record<PresetId, Disclosure> = {
  'yandex-metrica': {
    title: 'Яндекс Метрика',
    processor: {
      name: 'ООО «Яндекс»',
      country: 'RU',
      purpose: 'Веб-аналитика: статистика посещений и действий на сайте',
      policyUrl: 'https://yandex.ru/legal/confidential/',
    },
    cookies: ['_ym_*'],
  },
  'vk-ads': counter('Пиксель VK Рекламы', 'Реклама: измерение эффективности объявлений и ретаргетинг в VK Рекламе'),
  'vk-retargeting': {
    title: 'VK Ретаргетинг',
    processor: {
      name: 'ООО «В контакте»',
      country: 'RU',
      purpose: 'Реклама: ретаргетинг ВКонтакте',
      policyUrl: 'https://vk.com/privacy',
    },
    // Its cookies live on vk.com: the site can neither see nor delete them.
    cookies: [],
  },
  'top-mail-ru': counter('Top.Mail.Ru', 'Веб-аналитика: статистика посещений сайта'),
  'mango-office': {
    title: 'Mango Office',
    processor: { name: 'ООО «Манго Телеком»', country: 'RU', purpose: 'Коллтрекинг, обратный звонок и аналитика обращений' },
    cookies: ['mgo_*'],
  },
  salebot: {
    title: 'Salebot',
    processor: { name: 'ООО «Сейлбот»', country: 'RU', purpose: 'Онлайн-чат и обратная связь с посетителями' },
    // Cookie and storage names of the chat are not documented (trackers.md: unverified).
    cookies: [],
  },
  marquiz: {
    title: 'Marquiz',
    processor: {
      name: 'ИП Балачков Геннадий Андреевич',
      country: 'RU',
      purpose: 'Интерактивные квизы (тесты) на сайте',
    },
    // Cookie and storage names are not documented (trackers.md: unverified).
    cookies: [],
  },
  bothelp: {
    title: 'Bothelp',
    processor: { name: 'ООО «Ботхелп»', country: 'RU', purpose: 'Кнопки связи через мессенджеры и чат-боты' },
    // Cookie and storage names are not documented (trackers.md: unverified).
    cookies: [],
  },
  amocrm: {
    title: 'amoCRM',
    processor: { name: 'АО «Амоцрм»', country: 'RU', purpose: 'Онлайн-чат и обработка обращений в CRM' },
    // Cookie and storage names are not documented (trackers.md: unverified).
    cookies: [],
  },
  sendsay: {
    title: 'Sendsay',
    processor: { name: 'АО «Интернет-Проекты»', country: 'RU', purpose: 'Формы подписки на рассылки' },
    cookies: ['__sendsay_forms_*'],
  },
  'yandex-forms': {
    title: 'Яндекс Формы',
    processor: {
      name: 'ООО «Яндекс»',
      country: 'RU',
      purpose: 'Формы обратной связи',
      policyUrl: 'https://yandex.ru/legal/confidential/',
    },
    // Its cookies live on forms.yandex.ru and yandex.ru: the site can neither see nor delete them.
    cookies: [],
  },
  'google-analytics': {
    title: 'Google Analytics',
    processor: {
      name: 'Google LLC',
      country: 'US',
      purpose: 'Веб-аналитика: статистика посещений и действий на сайте',
      policyUrl: 'https://policies.google.com/privacy',
    },
    cookies: ['_ga', '_ga_*', '_gid'],
  },
}
