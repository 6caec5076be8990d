import base from '../../styles/base.css?inline'
import css from '../../styles/banner.css?inline'
import type { Model } from '../config/model'
import { $consent, type ConsentActions } from '../consent/store'
import { $banner, $dialog, type Dialog } from '../view'
import { banner, notice } from './banner'
import type { Dialogs, DialogsModule } from './dialogs/context'
import { button, element, whenBody } from './element'
import { adopt } from './sheet'
import { pickLanguage, textsFor } from './texts'

/** How the dialogs' code arrives: a script beside the widget's (script tag) or a dynamic import (npm). */
export type LoadDialogs = () => Promise<DialogsModule>

/**
 * Renders the interface into an open shadow root on a host at the start of <body>, as soon as <body>
 * exists, so the banner is painted with the page's first paint. Host CSS cannot reach inside.
 * The dialogs are a separate, larger file: it loads while the visitor reads the banner, or when a
 * dialog is first asked for.
 */
export interface Ui {
  /** Puts a placeholder in place of a gated embed; returns its undo. */
  placeholder(frame: HTMLIFrameElement): () => void
  /** What the visitor is asked to agree to, as receipts record it. */
  readonly consentText: { readonly text: string; readonly language: string }
}

/** `reaching`: the pointer or the focus came to the banner, so a decision may be near. */
export function mountUi(model: Model, actions: ConsentActions, loadDialogs: LoadDialogs, reaching: () => void): Ui {
  const language = pickLanguage(model.language)
  const texts = textsFor(model, language)
  const lines = notice(model, texts)
  const open = (dialog: Dialog) => $dialog.set(dialog)
  let root: ShadowRoot
  let dialogs: Promise<Dialogs | void> | undefined
  // The dialogs file also draws embed placeholders; it loads on first need, and again after a failure.
  const ensureDialogs = () =>
    (dialogs ??= loadDialogs().then(
      (module) => module.mountDialogs({ root, model, texts, language, actions, $dialog, $consent }),
      (error: Error) => {
        dialogs = undefined
        $dialog.set(null)
        console.error(`[soglasie] could not load the dialogs: ${error.message}`)
      },
    ))

  const mount = () => {
    const host = element('div', { 'data-soglasie': '' })
    root = host.attachShadow({ mode: 'open' })
    adopt(root, base + css)
    const container = element('div', { class: `root theme-${model.ui.theme}`, lang: language })
    root.append(container)
    document.body.prepend(host)

    const bar = banner(model, lines, actions, open)
    const reopen = button(texts.cookieButton, () => open('preferences'))
    reopen.className = 'reopen'
    if (model.ui.button) container.append(reopen)
    const paint = () => {
      // Only when missing: moving a node that holds focus would drop the focus to <body>.
      if (!$banner.get()) bar.remove()
      else if (!bar.isConnected) container.prepend(bar)
      reopen.hidden = $banner.get() || $dialog.get() !== null
    }
    $banner.subscribe(paint)
    $dialog.subscribe(paint)

    $dialog.subscribe((dialog) => dialog && ensureDialogs())
    // After a reload that a withdrawal needed (so only with a choice made), the dialogs file says why
    // the page reloaded. A first visit skips the storage lookup, a wait on the browser process.
    if ($consent.get().decided && sessionStorage.getItem('soglasie:reloaded') !== null) ensureDialogs()
    // Fetch the dialogs when the pointer or the focus comes to «Настроить» or to the policy link, a
    // moment before the click: a visitor who goes straight to accept or refuse never downloads them.
    for (const type of ['pointerover', 'focusin']) {
      bar.addEventListener(type, (event) => (reaching(), (event.target as Element).closest(DIALOG_OPENERS) && ensureDialogs()))
    }
  }

  // Without the text in the config the policy is a page of the site: open it instead of a dialog.
  $dialog.subscribe((dialog) => {
    if (dialog !== 'policy' || model.policy.markdown !== undefined) return
    $dialog.set(null)
    if (model.policy.url) window.open(model.policy.url, '_blank', 'noopener')
  })

  whenBody(mount)
  listenForOpeners()
  return {
    consentText: { text: lines.filter(Boolean).join('\n'), language },
    placeholder(frame) {
      // Hidden at once (an iframe without src is an empty box); the placeholder follows with the file.
      frame.hidden = true
      let undo: (() => void) | undefined
      let done = false
      ensureDialogs().then((drawn) => !done && drawn && (undo = drawn.placeholder(frame)))
      return () => {
        done = true
        undo?.()
        frame.hidden = false
      }
    },
  }
}

/** In the banner: «Настроить» (the last button) and the policy link when the policy is a dialog. */
const DIALOG_OPENERS = '.buttons :last-child,[href="#soglasie-policy"]'

const OPENERS = '[data-soglasie-open],a[href*="#soglasie-"]'

/**
 * Reopen anywhere: `data-soglasie-open="preferences|policy|banner"` on any element, and links to
 * `#soglasie-preferences` or `#soglasie-policy` (all a Tilda button can do). One listener on the
 * document serves elements added at any time.
 */
function listenForOpeners(): void {
  const open = (what: string | undefined) => {
    if (what === 'banner') $banner.set(true)
    else if (what === 'preferences' || what === 'policy') $dialog.set(what)
    else return false
    return true
  }
  document.addEventListener('click', (event) => {
    const opener = (event.target as Element).closest?.(OPENERS) as HTMLElement | null
    if (opener && open(opener.dataset.soglasieOpen ?? (opener as HTMLAnchorElement).hash?.slice(10))) {
      event.preventDefault()
    }
  })
  // A link from another page (/#soglasie-preferences) lands here with the hash already set.
  const fromHash = () => {
    if (location.hash.startsWith('#soglasie-') && open(location.hash.slice(10))) {
      // Drop the hash so a reload does not open the dialog again.
      history.replaceState(history.state, '', location.pathname + location.search)
    }
  }
  addEventListener('hashchange', fromHash)
  fromHash()
}
