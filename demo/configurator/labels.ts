import type { Texts } from '../../src/texts/ru'
import type { PresetId } from '../../src/config/types'

/** What each interface text is, for the «Тексты» section (the defaults show as placeholders). */
export const textLabels: Record<keyof Texts, string> = {
  bannerTitle: 'Заголовок баннера',
  bannerText: 'Текст баннера ({operator}, {purposes}, {processors} подставляются)',
  policyLink: 'Ссылка на политику',
  consentLink: 'Ссылка на согласие',
  acceptAll: 'Кнопка «Принять все»',
  reject: 'Кнопка «Отклонить»',
  customize: 'Кнопка «Настроить»',
  cookieButton: 'Плавающая кнопка',
  necessary: 'Название категории «Необходимые»',
  analytics: 'Название категории «Аналитика»',
  marketing: 'Название категории «Реклама»',
  functional: 'Название категории «Чаты и виджеты»',
  reloaded: 'Сообщение после перезагрузки при отзыве',
  placeholderText: 'Текст заглушки встроенного виджета ({service}, {processor})',
  load: 'Кнопка заглушки «Загрузить»',
  preferencesTitle: 'Заголовок настроек',
  preferencesText: 'Текст настроек',
  alwaysOn: 'Пометка «Всегда включены»',
  save: 'Кнопка «Сохранить»',
  rejectAll: 'Кнопка «Отклонить все»',
  close: 'Кнопка «Закрыть»',
  processor: 'Подпись «Обработчик»',
  country: 'Подпись «Страна»',
  purpose: 'Подпись «Цель»',
  cookies: 'Подпись «Cookie»',
  policy: 'Подпись «Политика»',
  crossBorder: 'Пометка трансграничной передачи',
  policyTitle: 'Заголовок окна политики',
  necessaryText: 'Описание категории «Необходимые»',
  analyticsText: 'Описание категории «Аналитика»',
  marketingText: 'Описание категории «Реклама»',
  functionalText: 'Описание категории «Чаты и виджеты»',
}

/** Preset options by key; the presets' own descriptions (in English) explain each under its field. */
export const optionLabels: Record<string, string> = {
  id: 'Идентификатор',
  webvisor: 'Вебвизор',
  clickmap: 'Карта кликов',
  trackLinks: 'Внешние ссылки и загрузки файлов',
  accurateTrackBounce: 'Точный показатель отказов',
  ecommerce: 'Электронная коммерция',
  mode: 'Режим',
  onlineChatId: 'Идентификатор онлайн-чата',
  region: 'Регион аккаунта',
  widget: 'Настройки виджета (JSON)',
  hash: 'Хеш кнопки',
  locale: 'Язык чата',
  form: 'Всплывающая форма',
}

/** Which category a newly added preset goes to, when the config has it. */
export const naturalCategory: Record<PresetId, string> = {
  'yandex-metrica': 'analytics',
  'vk-ads': 'marketing',
  'vk-retargeting': 'marketing',
  'top-mail-ru': 'analytics',
  'mango-office': 'analytics',
  salebot: 'functional',
  marquiz: 'functional',
  bothelp: 'functional',
  amocrm: 'functional',
  sendsay: 'marketing',
  'yandex-forms': 'functional',
  'google-analytics': 'analytics',
}
