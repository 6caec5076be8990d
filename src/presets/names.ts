import type { PresetId } from '../config/types'

/**
 * Each preset's processor, for the banner's "data is received by" when the config does not say: the
 * first script needs these before the presets load. Titles and the rest of each disclosure stay in
 * disclosures.ts, which only the dialogs carry. A test keeps these equal to the presets' own.
 */
export const presetProcessors: Record<PresetId, string> = {
  'yandex-metrica': 'ООО «Яндекс»',
  'vk-ads': 'ООО «В контакте»',
  'vk-retargeting': 'ООО «В контакте»',
  'top-mail-ru': 'ООО «В контакте»',
  'mango-office': 'ООО «Манго Телеком»',
  salebot: 'ООО «Сейлбот»',
  marquiz: 'ИП Балачков Геннадий Андреевич',
  bothelp: 'ООО «Ботхелп»',
  amocrm: 'АО «Амоцрм»',
  sendsay: 'АО «Интернет-Проекты»',
  'yandex-forms': 'ООО «Яндекс»',
  'google-analytics': 'Google LLC',
}
