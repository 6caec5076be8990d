import type { PresetId } from '../config/types'

/**
 * What each preset option means: hover texts in schema.json, labels in the configurator. Kept out of the
 * rules: the services file checks options with the rules and would carry these texts for nothing.
 * scripts/schema.ts fails on an option without a text; a test fails on a text without an option.
 */
export const optionDocs: Record<PresetId, Readonly<Record<string, string>>> = {
  'yandex-metrica': {
    id: 'Counter number, as in Metrica\'s counter list, e.g. 12345678.',
    webvisor: 'true records visits with Webvisor. Default false.',
    clickmap: 'false switches the click map off. Default true.',
    trackLinks: 'false stops counting clicks on outbound links and file downloads. Default true.',
    accurateTrackBounce: 'false: a one-page visit is a bounce however long it lasts (no 15-second rule). Default true.',
    ecommerce:
      'true collects e-commerce data from window.dataLayer; a name collects it from that container instead. Default: off.',
  },
  'vk-ads': {
    id: 'Pixel id from VK Ads (the number in the pixel code\'s _tmr.push({id: ...})), e.g. "3456789".',
  },
  'vk-retargeting': {
    id: 'Retargeting pixel id from VK, e.g. "VK-RTRG-123456-AbCdE".',
  },
  'top-mail-ru': {
    id: 'Counter id from Top.Mail.Ru, e.g. 3456789.',
  },
  'mango-office': {
    id: 'Widget id from Mango Office\'s code, e.g. 12345.',
    mode:
      '"calltracking" (default) replaces the phone numbers marked with class "mango-number"; "multichannel" shows the multichannel widget.',
  },
  salebot: {
    onlineChatId: 'Online chat id from Salebot\'s widget code (onlineChatId).',
  },
  marquiz: {
    id: 'Quiz id from Marquiz\'s code (Marquiz.init({ id: ... })).',
    region: 'Where the Marquiz account lives, as Marquiz\'s code says: "ru" or "eu".',
  },
  bothelp: {
    widget: 'The settings object from Bothelp\'s widget code, copied as it is.',
  },
  amocrm: {
    id: 'Button id from amoCRM\'s site button code (amo_social_button.id).',
    hash: 'hash from the same code (amo_social_button.hash).',
    locale: 'Chat language: "ru" (default) or "en".',
  },
  sendsay: {
    form: 'A popup form to open, like "https://sendsay.ru/form/login/1". Forms embedded in the page need none.',
  },
  'yandex-forms': {},
  'google-analytics': {
    id: 'Measurement id of the GA4 data stream, e.g. "G-XXXXXXXXXX".',
  },
}
