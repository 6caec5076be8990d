import { render } from 'preact'
import { App } from './app'
import { keepDraft, load } from './draft'
import css from './style.css?inline'
import { tildaTemplate } from './template'

// The styles travel inside the script: a bare static server (the demo's among them) may not send CSS as
// text/css, and a browser drops a stylesheet that comes as anything else. A constructed sheet, where
// the browser has them, also passes a CSP without 'unsafe-inline' for styles.
if (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
} else document.head.append(Object.assign(document.createElement('style'), { textContent: css }))

load(tildaTemplate())
const restored = keepDraft()
render(<App restored={restored} />, document.getElementById('app')!)
