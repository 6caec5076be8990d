import type { Model } from '../config/model'
import type { ConsentActions } from '../consent/store'
import type { BannerTexts } from '../texts/ru'
import type { Dialog } from '../view'
import { button, element } from './element'
import { categoryTitle, processors } from './names'
import { fill } from './texts'

/**
 * The banner, built with the DOM directly: it must paint with the page's first paint, before any
 * framework could load. Accept, reject and customize are the same element with the same style.
 */
export function banner(model: Model, texts: BannerTexts, actions: ConsentActions, open: (dialog: Dialog) => void): HTMLElement {
  const purposes = model.categories.filter((c) => c.id !== 'necessary').map((c) => categoryTitle(c, texts))
  const text = fill(texts.bannerText, {
    operator: model.operator.name,
    purposes: purposes.join(', ').toLowerCase(),
    processors: processors(model).join(', ') || model.operator.name,
  })
  const inline = model.policy.markdown !== undefined
  const policy = element(
    'a',
    inline ? { href: '#soglasie-policy' } : { href: model.policy.url, target: '_blank', rel: 'noopener' },
    texts.policyLink,
  )
  if (inline) {
    policy.onclick = (event) => {
      event.preventDefault()
      open('policy')
    }
  }
  const documentUrl = model.consentDocument.url
  return element(
    'section',
    { class: `banner ${model.ui.position}`, 'aria-labelledby': 'sg-banner-title' },
    element('h2', { id: 'sg-banner-title' }, texts.bannerTitle),
    element('p', {}, text),
    element(
      'p',
      { class: 'links' },
      policy,
      documentUrl && element('a', { href: documentUrl, target: '_blank', rel: 'noopener' }, texts.consentLink),
    ),
    element(
      'div',
      { class: 'buttons' },
      button(texts.acceptAll, () => actions.acceptAll('accept-all')),
      button(texts.reject, () => actions.rejectAll('reject-all')),
      button(texts.customize, () => open('preferences')),
    ),
  )
}
