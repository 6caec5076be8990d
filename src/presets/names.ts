import type { PresetId } from '../config/types'

/**
 * What the banner and the dialogs call each preset's service and its processor when the config does
 * not say: the first script needs these before the presets themselves load. A test keeps them equal
 * to each preset's own `title` and `processor.name`.
 */
export const presetNames: Record<PresetId, readonly [title: string, processor: string]> = {
  'yandex-metrica': ['Яндекс Метрика', 'ООО «Яндекс»'],
  'vk-ads': ['Пиксель VK Рекламы', 'ООО «В контакте»'],
  'vk-retargeting': ['VK Ретаргетинг', 'ООО «В контакте»'],
  'top-mail-ru': ['Top.Mail.Ru', 'ООО «В контакте»'],
  'mango-office': ['Mango Office', 'ООО «Манго Телеком»'],
  salebot: ['Salebot', 'ООО «Сейлбот»'],
  marquiz: ['Marquiz', 'ИП Балачков Геннадий Андреевич'],
  bothelp: ['Bothelp', 'ООО «Ботхелп»'],
  amocrm: ['amoCRM', 'АО «Амоцрм»'],
  sendsay: ['Sendsay', 'АО «Интернет-Проекты»'],
  'yandex-forms': ['Яндекс Формы', 'ООО «Яндекс»'],
  'google-analytics': ['Google Analytics', 'Google LLC'],
}
