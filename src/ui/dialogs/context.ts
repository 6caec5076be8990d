import type { ReadableAtom, WritableAtom } from 'nanostores'
import type { Model } from '../../config/model'
import type { Consent } from '../../consent/consent'
import type { ConsentActions } from '../../consent/store'
import type { BannerTexts } from '../../texts/ru'
import type { Language } from '../texts'
import type { Dialog } from '../../view'

/**
 * What the dialogs get from the core. The dialogs load later as their own file (Preact and all), so they
 * receive the core's stores instead of importing them: an import would bundle a second, separate store.
 */
export interface DialogContext {
  root: ShadowRoot
  model: Model
  /** The banner's texts, overrides applied; the dialogs add their own. */
  texts: BannerTexts
  language: Language
  actions: ConsentActions
  $dialog: WritableAtom<Dialog>
  $consent: ReadableAtom<Consent>
}

/** What the dialogs file draws besides the dialogs. */
export interface Dialogs {
  /** Puts a placeholder before a gated embed; returns its undo. */
  placeholder(frame: HTMLIFrameElement): () => void
}

export interface DialogsModule {
  mountDialogs(context: DialogContext): Dialogs
}
