import { validate } from '../../src/config/validate'
import { isObject, type Json, type JsonObject } from './draft'

/** Where the snippet points until the user says where the three widget files are published. */
export const PLACEHOLDER_SRC = 'https://CDN/soglasie/dist/soglasie.js'

export const NPM_EXAMPLE = "import { init } from 'soglasie'\nimport config from './soglasie.config.json'\ninit(config)\n"

/**
 * What the site owner pastes into Tilda's HEAD field: the config inline, then the widget. Inside a
 * <script> element `</script>` would end it early and `<!--` could change how it is parsed; both are
 * written with JSON escapes (`<\/`, `<\u0021--`), which JSON.parse reads back to the same text.
 */
export function tildaSnippet(config: Json, src: string): string {
  const json = JSON.stringify(config).replaceAll('</', '<\\/').replaceAll('<!--', '<\\u0021--')
  return `<script type="application/json" id="soglasie-config">${json}</script>\n<script src="${attribute(src)}"></script>`
}

const attribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')

/** The consent cookie of previews: never the site's own, so a preview visitor is not the site's visitor. */
export const PREVIEW_COOKIE = 'soglasie-preview'

/** Where a site-relative `src` points in the preview: a name that never resolves (RFC 2606). */
const PREVIEW_SITE = 'https://site.invalid/'

/**
 * The config as the preview runs it. A valid config loses its receipt endpoint (a preview click is no
 * one's consent) and gets a cookie of its own on this host (the site's domain and path would not take
 * here). A site-relative `src` is made absolute: the widget resolves it against `location.href`, which
 * in a srcdoc frame is `about:srcdoc`. None of this changes what the banner and the dialogs show. An
 * invalid config is run as it is, so the preview fails exactly as the site would.
 */
export function previewConfig(config: Json): Json {
  if (!isObject(config) || validate(config).length) return config
  const { receipts, cookie: _cookie, ...rest } = config
  const preview: JsonObject = { ...rest, cookie: { name: PREVIEW_COOKIE } }
  if (isObject(rest.services)) preview.services = mapValues(rest.services, absoluteSrc)
  if (!isObject(receipts)) return preview
  const { endpoint: _endpoint, ...others } = receipts
  return Object.keys(others).length ? { ...preview, receipts: others } : preview
}

const mapValues = (object: JsonObject, map: (value: Json) => Json): JsonObject =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]))

function absoluteSrc(service: Json): Json {
  if (!isObject(service) || typeof service.src !== 'string' || /^https?:/.test(service.src)) return service
  return { ...service, src: new URL(service.src, PREVIEW_SITE).href }
}

/**
 * The preview's document: a blank page holding the snippet, the widget taken from `folder` (the
 * configurator's own copy). Its CSP lets scripts come from that folder only, so «Принять все» cannot
 * load a tracker or run a service's inline `code`, and nothing can be sent anywhere.
 */
export function previewDocument(config: Json, folder: string): string {
  const csp = [
    "default-src 'none'",
    `script-src ${folder}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ')
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Предпросмотр</title>
${tildaSnippet(previewConfig(config), new URL('soglasie.js', folder).href)}
</head>
<body></body>
</html>`
}
