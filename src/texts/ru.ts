// Russian interface texts, the default. `{name}` marks a value filled in at render time.
// Two parts: what the banner needs (in the first script) and what only the dialogs need (loaded with them).

export const ru = {
  bannerTitle: 'Мы используем cookie',
  bannerText:
    '{operator} обрабатывает данные о вашем посещении с помощью cookie и сервисов: {purposes}. Данные получают: {processors}. Необязательные cookie включатся только с вашего согласия.',
  policyLink: 'Политика обработки персональных данных',
  consentLink: 'Согласие на обработку персональных данных',
  acceptAll: 'Принять все',
  reject: 'Отклонить',
  customize: 'Настроить',
  cookieButton: 'Cookie',
  necessary: 'Необходимые',
  analytics: 'Аналитика',
  marketing: 'Реклама',
  functional: 'Чаты и виджеты',
}

export const ruDialogs = {
  reloaded: 'Страница перезагружена, чтобы остановить сервисы, от которых вы отказались.',
  placeholderText: '{service} загрузится только с вашего согласия: {processor} получит данные о вашем посещении (IP-адрес, cookie).',
  load: 'Загрузить',
  preferencesTitle: 'Настройки cookie',
  preferencesText: 'Выберите, что разрешить. Решение можно изменить в любой момент по ссылке «Настройки cookie» на сайте.',
  alwaysOn: 'Всегда включены',
  save: 'Сохранить',
  rejectAll: 'Отклонить все',
  close: 'Закрыть',
  processor: 'Обработчик',
  country: 'Страна',
  purpose: 'Цель',
  cookies: 'Cookie',
  policy: 'Политика',
  crossBorder: 'трансграничная передача',
  policyTitle: 'Политика обработки персональных данных',
  necessaryText: 'Нужны для работы сайта: формы, корзина, защита, запоминание вашего выбора. Отключить нельзя.',
  analyticsText: 'Счётчики посещаемости: как посетители находят сайт и что на нём делают.',
  marketingText: 'Рекламные пиксели: показ рекламы тем, кто уже был на сайте, и оценка её отдачи.',
  functionalText: 'Онлайн-чаты, обратный звонок, квизы и встроенные формы сторонних сервисов.',
}

export type BannerTexts = typeof ru
export type DialogTexts = typeof ruDialogs
export type Texts = BannerTexts & DialogTexts
