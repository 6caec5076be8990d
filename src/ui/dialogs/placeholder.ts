import base from '../../../styles/base.css?inline'
import css from '../../../styles/placeholder.css?inline'
import type { Model } from '../../config/model'
import type { ConsentActions } from '../../consent/store'
import type { Texts } from '../../texts/ru'
import { button, element } from '../element'
import { categoryTitle, processorName } from '../names'
import { serviceTitle } from './titles'
import { adopt } from '../sheet'
import { fill } from '../texts'

/**
 * Stands in for a gated embed (a form, a video, a map): says what would load and who gets the data,
 * with a button that allows just that service. Rendered in its own shadow root, like the banner.
 * Returns the undo, called when the embed may load.
 */
export function placeholder(frame: HTMLIFrameElement, model: Model, texts: Texts, actions: ConsentActions): () => void {
  const service = model.services.find((s) => s.id === frame.dataset.consentService)
  const category = model.categories.find((c) => c.id === frame.dataset.consent)
  const host = element('div', { 'data-soglasie-placeholder': '' })
  const root = host.attachShadow({ mode: 'open' })
  adopt(root, base + css)
  const name = service ? serviceTitle(service) : category ? categoryTitle(category, texts) : frame.dataset.consent!
  const processor = (service && processorName(service)) ?? new URL(frame.dataset.src!, location.href).host
  root.append(
    element(
      'div',
      { class: 'root placeholder' },
      element('p', {}, fill(texts.placeholderText, { service: name, processor })),
      button(texts.load, () => actions.allowFromPlaceholder(service?.id ?? category?.id ?? frame.dataset.consent!)),
    ),
  )
  frame.before(host)
  return () => host.remove()
}
