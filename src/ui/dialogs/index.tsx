import { render } from 'preact'
import css from '../../../styles/dialogs.css?inline'
import { adopt } from '../sheet'
import type { DialogContext } from './context'
import { Policy } from './policy'
import { Preferences } from './preferences'

/** Renders the preferences and policy dialogs into the widget's shadow root whenever one is open. */
export function mountDialogs({ root, model, texts, actions, $dialog, $consent }: DialogContext): void {
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
}
