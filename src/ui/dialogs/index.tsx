import { render } from 'preact'
import css from '../../../styles/dialogs.css?inline'
import { adopt } from '../sheet'
import { enDialogs } from '../../texts/en'
import { ruDialogs } from '../../texts/ru'
import type { DialogContext, Dialogs } from './context'
import { placeholder } from './placeholder'
import { Policy } from './policy'
import { Preferences } from './preferences'

/** Renders the preferences and policy dialogs into the widget's shadow root whenever one is open. */
export function mountDialogs({ root, model, language, actions, $dialog, $consent, ...context }: DialogContext): Dialogs {
  const texts = { ...{ ru: ruDialogs, en: enDialogs }[language], ...context.texts, ...model.texts[language] }
  adopt(root, css)
  const container = root.querySelector('.root')!
  const slot = document.createElement('div')
  container.append(slot)
  const close = () => $dialog.set(null)
  const paint = () => {
    const dialog = $dialog.get()
    render(
      dialog === 'preferences' ? (
        <Preferences model={model} texts={texts} consent={$consent.get()} actions={actions} close={close} />
      ) : dialog === 'policy' ? (
        <Policy model={model} texts={texts} close={close} />
      ) : null,
      slot,
    )
  }
  $dialog.listen(paint)
  paint()
  // After the reload a withdrawal needed (services file), say why the page reloaded.
  if (sessionStorage.getItem('soglasie:reloaded') !== null) {
    sessionStorage.removeItem('soglasie:reloaded')
    const note = document.createElement('p')
    note.className = 'banner box note'
    note.setAttribute('role', 'status')
    note.textContent = texts.reloaded
    container.append(note)
    setTimeout(() => note.remove(), 8000)
  }
  return { placeholder: (frame) => placeholder(frame, model, texts, actions) }
}
