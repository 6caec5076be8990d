// Each widget installed on the landing page as its own docs say, gating the same two trackers:
// Yandex Metrica (analytics) and the VK Ads pixel, which is the Top.Mail.Ru counter (marketing).
// `banner` is a function body run in the page that returns the widget's banner element (or null);
// `accept` and `reject` locate the banner's «accept all» and «reject» buttons.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = new URL('../../', import.meta.url).pathname
const pkg = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'))

const METRICA_ID = 12345678
const VK_ID = '3456789'
const POLICY = 'https://www.mediasfera-soft.ru/privacy'

// The counters' own snippets (docs/trackers.md §2.1, §2.2), pasted into each widget's gating markup.
const METRICA_SNIPPET = `(function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};m[i].l=1*new Date();for (var j=0;j<document.scripts.length;j++){if(document.scripts[j].src===r){return;}}k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})(window,document,'script','https://mc.yandex.ru/metrika/tag.js?id=${METRICA_ID}','ym');
ym(${METRICA_ID},'init',{ssr:true,webvisor:true,clickmap:true,ecommerce:"dataLayer",referrer:document.referrer,url:location.href,accurateTrackBounce:true,trackLinks:true});`
const VK_SNIPPET = `var _tmr = window._tmr || (window._tmr = []);
_tmr.push({id: "${VK_ID}", type: "pageView", start: (new Date()).getTime()});
(function (d, w, id) {
  if (d.getElementById(id)) return;
  var ts = d.createElement("script"); ts.type = "text/javascript"; ts.async = true; ts.id = id;
  ts.src = "https://top-fwz1.mail.ru/js/code.js";
  var f = function () {var s = d.getElementsByTagName("script")[0]; s.parentNode.insertBefore(ts, s);};
  if (w.opera == "[object Opera]") { d.addEventListener("DOMContentLoaded", f, false); } else { f(); }
})(document, window, "tmr-code");`

const TEXTS = {
  title: 'Мы используем cookie',
  description:
    'ООО «МЕДИАСФЕРА СОФТ» использует cookie и сервисы аналитики и рекламы (Яндекс Метрика, VK Реклама), чтобы сайт работал и становился лучше. Вы можете принять все, отклонить необязательные или выбрать сами.',
  analytics: ['Аналитика', 'Яндекс Метрика: статистика посещений (ООО «Яндекс»).'],
  marketing: ['Реклама', 'VK Реклама / Top.Mail.Ru: показ и оценка рекламы (ООО «ВК»).'],
}

/** Serves every file of an installed package under /vendor/<name>/. */
function vendor(name) {
  const dir = join(ROOT, 'node_modules', name)
  const files = []
  const walk = (at) => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry)
      if (statSync(path).isDirectory()) walk(path)
      else files.push([`/vendor/${name}/${relative(dir, path)}`, path])
    }
  }
  walk(dir)
  return files
}

// ---------------------------------------------------------------------------------------------------

export const SOGLASIE_CONFIG = {
  revision: 1,
  language: 'ru',
  operator: { name: 'ООО «МЕДИАСФЕРА СОФТ»', inn: '7806585855', email: 'info@mediasfera-soft.ru' },
  policy: { url: POLICY, version: '2025-09-01' },
  categories: {
    analytics: { title: TEXTS.analytics[0], description: TEXTS.analytics[1] },
    marketing: { title: TEXTS.marketing[0], description: TEXTS.marketing[1] },
  },
  services: {
    'yandex-metrica': { category: 'analytics', preset: 'yandex-metrica', options: { id: METRICA_ID } },
    'vk-ads': { category: 'marketing', preset: 'vk-ads', options: { id: VK_ID } },
  },
}

/** PRODUCT.md «Install (script tag)»: the config as JSON in the page, then the script, in <head>. */
const soglasie = (dist) => ({
  id: 'soglasie',
  name: 'Soglasie',
  version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
  files: ['soglasie.js', 'soglasie.dialogs.js', 'soglasie.services.js'].map((f) => [`/dist/${f}`, join(dist, f)]),
  head: `<script type="application/json" id="soglasie-config">${JSON.stringify(SOGLASIE_CONFIG)}</script>
<script src="/dist/soglasie.js"></script>`,
  banner: `var host = document.querySelector('[data-soglasie]'); return host && host.shadowRoot && host.shadowRoot.querySelector('.banner, section')`,
  accept: (page) => page.locator('[data-soglasie]').getByRole('button', { name: 'Принять все', exact: true }),
  reject: (page) => page.locator('[data-soglasie]').getByRole('button', { name: 'Отклонить', exact: true }),
})

/**
 * cookieconsent.orestbida.com «Getting started», HTML: the stylesheet in <head>, a module script at the
 * end of <body> that imports cookieconsent.umd.js and calls CookieConsent.run; scripts gated by
 * `type="text/plain" data-category`. The plugin bundles no translations: the Russian texts are inline.
 */
const VANILLA_CONFIG = `import '/vendor/vanilla-cookieconsent/dist/cookieconsent.umd.js';

CookieConsent.run({
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: { autoClear: { cookies: [{ name: /^_ym/ }] } },
    marketing: { autoClear: { cookies: [{ name: /^tmr_/ }] } }
  },
  language: {
    default: 'ru',
    translations: {
      ru: {
        consentModal: {
          title: ${JSON.stringify(TEXTS.title)},
          description: ${JSON.stringify(TEXTS.description)},
          acceptAllBtn: 'Принять все',
          acceptNecessaryBtn: 'Отклонить',
          showPreferencesBtn: 'Настроить',
          footer: '<a href="${POLICY}">Политика обработки персональных данных</a>'
        },
        preferencesModal: {
          title: 'Настройки cookie',
          acceptAllBtn: 'Принять все',
          acceptNecessaryBtn: 'Отклонить все',
          savePreferencesBtn: 'Сохранить',
          closeIconLabel: 'Закрыть',
          sections: [
            { title: 'Необходимые', description: 'Нужны для работы сайта.', linkedCategory: 'necessary' },
            { title: ${JSON.stringify(TEXTS.analytics[0])}, description: ${JSON.stringify(TEXTS.analytics[1])}, linkedCategory: 'analytics' },
            { title: ${JSON.stringify(TEXTS.marketing[0])}, description: ${JSON.stringify(TEXTS.marketing[1])}, linkedCategory: 'marketing' }
          ]
        }
      }
    }
  }
});
`

const vanilla = () => ({
  id: 'vanilla-cookieconsent',
  name: 'vanilla-cookieconsent',
  version: pkg('vanilla-cookieconsent').version,
  files: [...vendor('vanilla-cookieconsent')],
  served: [['/bench/cookieconsent-config.js', VANILLA_CONFIG]],
  head: `<link rel="stylesheet" href="/vendor/vanilla-cookieconsent/dist/cookieconsent.css">
<script type="text/plain" data-category="analytics">${METRICA_SNIPPET}</script>
<script type="text/plain" data-category="marketing">${VK_SNIPPET}</script>`,
  body: `<script type="module" src="/bench/cookieconsent-config.js"></script>`,
  banner: `return document.querySelector('#cc-main .cm')`,
  accept: (page) => page.locator('#cc-main .cm [data-role="all"]'),
  reject: (page) => page.locator('#cc-main .cm [data-role="necessary"]'),
})

/**
 * Klaro README / klaro.org «Integration»: a config file defining `klaroConfig` and klaro.js, both
 * `defer` in <head>, config first; scripts gated by `type="text/plain" data-type data-name`.
 * Klaro bundles a Russian translation; `acceptAll` gives the notice an «accept all» button.
 */
const KLARO_CONFIG = `var klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  storageName: 'klaro',
  lang: 'ru',
  acceptAll: true,
  hideDeclineAll: false,
  mustConsent: false,
  default: false,
  translations: {
    ru: {
      privacyPolicyUrl: '${POLICY}',
      purposes: {
        analytics: { title: ${JSON.stringify(TEXTS.analytics[0])} },
        marketing: { title: ${JSON.stringify(TEXTS.marketing[0])} }
      },
      'yandex-metrica': { description: ${JSON.stringify(TEXTS.analytics[1])} },
      'vk-ads': { description: ${JSON.stringify(TEXTS.marketing[1])} }
    }
  },
  services: [
    { name: 'yandex-metrica', title: 'Яндекс Метрика', purposes: ['analytics'], cookies: [/^_ym/] },
    { name: 'vk-ads', title: 'VK Реклама', purposes: ['marketing'], cookies: [/^tmr_/] }
  ]
};
`

const klaro = () => ({
  id: 'klaro',
  name: 'Klaro',
  version: pkg('klaro').version,
  files: [...vendor('klaro').filter(([path]) => path.startsWith('/vendor/klaro/dist/'))],
  served: [['/bench/klaro-config.js', KLARO_CONFIG]],
  head: `<script defer type="text/javascript" src="/bench/klaro-config.js"></script>
<script defer type="text/javascript" src="/vendor/klaro/dist/klaro.js"></script>
<script type="text/plain" data-type="application/javascript" data-name="yandex-metrica">${METRICA_SNIPPET}</script>
<script type="text/plain" data-type="application/javascript" data-name="vk-ads">${VK_SNIPPET}</script>`,
  banner: `return document.querySelector('#klaro .cookie-notice:not(.cookie-notice-hidden)')`,
  accept: (page) => page.locator('#klaro .cookie-notice .cm-btn-success'),
  reject: (page) => page.locator('#klaro .cookie-notice .cn-decline'),
})

/**
 * tarteaucitron README «How to use»: tarteaucitron.js and `tarteaucitron.init({...})` (its README's
 * options) in <head>; the services as its installation guide adds them, at the end of <body>:
 * the built-in `metrica` service with `tarteaucitron.user.yandexmetrica`, and a custom service
 * (README «Create custom service») for VK Ads, which has no built-in one. tarteaucitron loads its
 * services file, the language file (from <html lang>) and its stylesheet itself.
 */
const TARTEAUCITRON_INIT = `tarteaucitron.init({
  "privacyUrl": "${POLICY}",
  "bodyPosition": "bottom",
  "hashtag": "#tarteaucitron",
  "cookieName": "tarteaucitron",
  "orientation": "middle",
  "groupServices": false,
  "showDetailsOnClick": true,
  "serviceDefaultState": "wait",
  "showAlertSmall": false,
  "showTitleBanner": false,
  "cookieslist": false,
  "cookieslistEmbed": false,
  "showIcon": true,
  "iconPosition": "BottomRight",
  "adblocker": false,
  "DenyAllCta": true,
  "AcceptAllCta": true,
  "highPrivacy": true,
  "alwaysNeedConsent": false,
  "handleBrowserDNTRequest": false,
  "removeCredit": false,
  "moreInfoLink": true,
  "useExternalCss": false,
  "useExternalJs": false,
  "readmoreLink": "",
  "mandatory": true,
  "mandatoryCta": true,
  "googleConsentMode": true,
  "bingConsentMode": true,
  "pianoConsentMode": true,
  "pianoConsentModeEssential": false,
  "softConsentMode": false,
  "dataLayer": false,
  "serverSide": false,
  "partnersList": false
});`

const TARTEAUCITRON_JOBS = `tarteaucitron.user.yandexmetrica = ${METRICA_ID};
(tarteaucitron.job = tarteaucitron.job || []).push('metrica');

tarteaucitron.services.vkads = {
  "key": "vkads",
  "type": "ads",
  "name": "VK Реклама (Top.Mail.Ru)",
  "uri": "https://vk.com/privacy",
  "needConsent": true,
  "cookies": ['tmr_lvid', 'tmr_lvidTS', 'tmr_detect', 'tmr_reqNum'],
  "js": function () {
    "use strict";
    ${VK_SNIPPET.replace(/\n/g, '\n    ')}
  }
};
(tarteaucitron.job = tarteaucitron.job || []).push('vkads');`

const tarteaucitron = () => ({
  id: 'tarteaucitron',
  name: 'tarteaucitron',
  version: pkg('tarteaucitronjs').version,
  files: [...vendor('tarteaucitronjs')],
  head: `<script src="/vendor/tarteaucitronjs/tarteaucitron.js"></script>
<script>
${TARTEAUCITRON_INIT}
</script>`,
  body: `<script>
${TARTEAUCITRON_JOBS}
</script>`,
  banner: `return document.getElementById('tarteaucitronAlertBig')`,
  accept: (page) => page.locator('#tarteaucitronPersonalize2'),
  reject: (page) => page.locator('#tarteaucitronAllDenied2'),
})

/** The same page with no widget and no tracker: what every widget's figures are taken against. */
export const BASELINE = { id: 'baseline', name: 'no widget (baseline)', files: [], head: '', banner: 'return null' }

/**
 * The same page with an empty classic script in `<head>`: what a widget installed as a parser-blocking
 * script (Soglasie's install, as PRODUCT.md requires; tarteaucitron's too) costs the page before any
 * of its code runs.
 */
export const CONTROL = {
  id: 'control',
  name: 'an empty script in `<head>` (control)',
  files: [],
  served: [['/bench/empty.js', '']],
  head: '<script src="/bench/empty.js"></script>',
  banner: 'return null',
}

export const widgets = (dist) => [soglasie(dist), vanilla(), klaro(), tarteaucitron()]
