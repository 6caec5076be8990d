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

/**
 * What each preset option means, for the marketer: src/presets/docs.ts (which editors show from
 * schema.json) in Russian, in the form's words («да», «нет» for a yes-or-no choice). A test fails on an
 * option without a text here.
 */
export const optionHints: Record<PresetId, Readonly<Record<string, string>>> = {
  'yandex-metrica': {
    id: 'Номер счётчика, как в списке счётчиков Метрики, например 12345678.',
    webvisor: '«да» записывает визиты Вебвизором. По умолчанию «нет».',
    clickmap: '«нет» выключает карту кликов. По умолчанию «да».',
    trackLinks: '«нет»: переходы по внешним ссылкам и загрузки файлов не считаются. По умолчанию «да».',
    accurateTrackBounce: '«нет»: визит на одну страницу — отказ, сколько бы он ни длился (без правила 15 секунд). По умолчанию «да».',
    ecommerce: 'true собирает данные электронной коммерции из window.dataLayer; имя контейнера — из него. По умолчанию выключено.',
  },
  'vk-ads': {
    id: 'Id пикселя VK Рекламы (число в коде пикселя, _tmr.push({id: ...})), например "3456789".',
  },
  'vk-retargeting': {
    id: 'Id пикселя ретаргетинга VK, например "VK-RTRG-123456-AbCdE".',
  },
  'top-mail-ru': {
    id: 'Id счётчика Top.Mail.Ru, например 3456789.',
  },
  'mango-office': {
    id: 'Id виджета из кода Mango Office, например 12345.',
    mode: '"calltracking" (по умолчанию) подменяет номера телефонов с классом "mango-number"; "multichannel" показывает мультиканальный виджет.',
  },
  salebot: {
    onlineChatId: 'Id онлайн-чата из кода виджета Salebot (onlineChatId).',
  },
  marquiz: {
    id: 'Id квиза из кода Marquiz (Marquiz.init({ id: ... })).',
    region: 'Где живёт аккаунт Marquiz, как в его коде: "ru" или "eu".',
  },
  bothelp: {
    widget: 'Объект настроек из кода виджета Bothelp, скопированный как есть.',
  },
  amocrm: {
    id: 'Id кнопки из кода кнопки на сайт amoCRM (amo_social_button.id).',
    hash: 'hash из того же кода (amo_social_button.hash).',
    locale: 'Язык чата: "ru" (по умолчанию) или "en".',
  },
  sendsay: {
    form: 'Всплывающая форма, которую открыть, например "https://sendsay.ru/form/login/1". Формам, встроенным в страницу, не нужна.',
  },
  'yandex-forms': {},
  'google-analytics': {
    id: 'Идентификатор потока данных GA4, например "G-XXXXXXXXXX".',
  },
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
