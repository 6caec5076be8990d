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
export function banner(model: Model, lines: Notice, actions: ConsentActions, open: (dialog: Dialog) => void): HTMLElement {
  const [title, text, policyLink, consentLink, acceptAll, reject, customize] = lines
  const inline = model.policy.markdown !== undefined
  const policy = element(
    'a',
    inline ? { href: '#soglasie-policy' } : { href: model.policy.url, target: '_blank', rel: 'noopener' },
    policyLink,
  )
  if (inline) {
    policy.onclick = (event) => {
      event.preventDefault()
      open('policy')
    }
  }
  return element(
    'section',
    { class: `banner ${model.ui.position}`, 'aria-labelledby': 'sg-banner-title' },
    element('h2', { id: 'sg-banner-title' }, title),
    element('p', {}, text),
    element(
      'p',
      { class: 'links' },
      policy,
      consentLink && element('a', { href: model.consentDocument.url, target: '_blank', rel: 'noopener' }, consentLink),
    ),
    element(
      'div',
      { class: 'buttons' },
      button(acceptAll!, () => actions.acceptAll('accept-all')),
      button(reject!, () => actions.rejectAll('reject-all')),
      button(customize!, () => open('preferences')),
    ),
  )
}

/**
 * The banner's texts as shown, in display order: title, text, policy link, consent-document link
 * (when configured), the three buttons. A receipt's `consentText.sha256` is the hash of these joined
 * by line feeds, so anyone holding the config can recompute it.
 */
export type Notice = (string | undefined)[]

export function notice(model: Model, texts: BannerTexts): Notice {
  const purposes = model.categories.filter((c) => c.id !== 'necessary').map((c) => categoryTitle(c, texts))
  const text = fill(texts.bannerText, {
    operator: model.operator.name,
    purposes: purposes.join(', ').toLowerCase(),
    processors: processors(model).join(', ') || model.operator.name,
  })
  const consentLink = model.consentDocument.url && texts.consentLink
  return [texts.bannerTitle, text, texts.policyLink, consentLink, texts.acceptAll, texts.reject, texts.customize]
}
