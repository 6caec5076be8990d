// Where trackers and widgets load from, and whose they are. Shared by the stand-ins' service worker
// (importScripts) and the demo page (a classic script), so both name a request the same way.
self.DEMO_TRACKERS = [
  ['mc.yandex.ru', 'Яндекс Метрика'],
  ['mc.yandex.com', 'Яндекс Метрика'],
  ['mc.webvisor.org', 'Яндекс Метрика'],
  ['mc.webvisor.com', 'Яндекс Метрика'],
  ['forms.yandex.ru', 'Яндекс Формы'],
  ['yandex.ru', 'Яндекс'],
  ['yastatic.net', 'Яндекс'],
  ['top-fwz1.mail.ru', 'Пиксель VK Рекламы'],
  ['mail.ru', 'VK (Mail.ru)'],
  ['vk.com', 'VK'],
  ['vk.ru', 'VK'],
  ['widgets.mango-office.ru', 'Mango Office'],
  ['mango-office.ru', 'Mango Office'],
  ['salebot.pro', 'Salebot'],
  ['marquiz.ru', 'Marquiz'],
  ['bothelp.io', 'Bothelp'],
  ['amocrm.ru', 'amoCRM'],
  ['sendsay.ru', 'Sendsay'],
  ['googletagmanager.com', 'Google'],
  ['google-analytics.com', 'Google'],
  ['doubleclick.net', 'Google'],
  ['facebook.net', 'Meta'],
  ['facebook.com', 'Meta'],
  ['tildacdn.com', 'Tilda'],
  ['tildacdn.one', 'Tilda'],
]

/** The vendor a host belongs to (the first, most specific entry wins), or null for any other host. */
self.demoVendor = function (host) {
  for (const [known, vendor] of self.DEMO_TRACKERS) {
    if (host === known || host.endsWith('.' + known)) return vendor
  }
  return null
}

/** The machine this demo runs on: requests there are the demo's own and pass untouched. */
self.demoIsLoopback = function (host) {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host.endsWith('.localhost')
}
