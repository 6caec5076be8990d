import type { Model, Service } from '../../config/model'
import type { Consent } from '../../consent/consent'
import type { ConsentActions } from '../../consent/store'
import type { Texts } from '../../texts/ru'
import { disclosures } from '../../presets/disclosures'
import { categoryText, categoryTitle } from '../names'
import { serviceTitle } from './titles'
import { Header, Modal } from './modal'

interface Props {
  model: Model
  texts: Texts
  consent: Consent
  actions: ConsentActions
  close: () => void
}

// The switches are plain form controls that start from the stored choice; the form is read once, on
// Save. No draft state to keep in sync with the screen.
export function Preferences({ model, texts, consent, actions, close }: Props) {
  const decide = (act: () => void) => {
    act()
    close()
  }
  const save = (event: Event) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const choice = Object.fromEntries([...form.querySelectorAll('input')].map((input) => [input.name, input.checked]))
    decide(() => actions.accept(choice, 'custom'))
  }
  // Switching a category switches its services with it; each can then be changed on its own.
  const follow = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement
    for (const service of input.form!.querySelectorAll<HTMLInputElement>(`[data-category="${input.name}"]`)) {
      service.checked = input.checked
    }
  }
  return (
    <Modal labelledBy="sg-prefs-title" close={close}>
      <form class="panel" onSubmit={save}>
        <Header id="sg-prefs-title" title={texts.preferencesTitle} close={close} label={texts.close} />
        <div class="scroll">
          <p>{texts.preferencesText}</p>
          {model.categories.map((category) => {
            const necessary = category.id === 'necessary'
            const services = model.services.filter((s) => s.category === category.id)
            return (
              <section class="category" key={category.id} aria-labelledby={`sg-c-${category.id}-title`}>
                <Switch
                  id={`sg-c-${category.id}`}
                  name={category.id}
                  checked={consent.categories[category.id]!}
                  disabled={necessary}
                  onChange={follow}
                >
                  <strong id={`sg-c-${category.id}-title`}>{categoryTitle(category, texts)}</strong>
                  {necessary && <span class="note">{texts.alwaysOn}</span>}
                </Switch>
                <p>{categoryText(category, texts)}</p>
                {services.length > 0 && (
                  <ul>
                    {services.map((service) => (
                      <li key={service.id}>
                        <Switch
                          id={`sg-s-${service.id}`}
                          name={service.id}
                          category={category.id}
                          checked={consent.services[service.id]!}
                          disabled={necessary}
                        >
                          {serviceTitle(service)}
                        </Switch>
                        <Disclosure service={service} texts={texts} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )
          })}
        </div>
        <footer class="buttons">
          <button type="submit">{texts.save}</button>
          <button type="button" onClick={() => decide(() => actions.acceptAll('accept-all'))}>
            {texts.acceptAll}
          </button>
          <button type="button" onClick={() => decide(() => actions.rejectAll('reject-all'))}>
            {texts.rejectAll}
          </button>
        </footer>
      </form>
    </Modal>
  )
}

interface SwitchProps {
  id: string
  name: string
  checked: boolean
  disabled: boolean
  category?: string
  onChange?: (event: Event) => void
  children: preact.ComponentChildren
}

function Switch({ id, name, checked, disabled, category, onChange, children }: SwitchProps) {
  return (
    <div class="switch">
      <input
        type="checkbox"
        role="switch"
        id={id}
        name={name}
        data-category={category}
        defaultChecked={checked}
        disabled={disabled}
        onChange={onChange}
      />
      <label for={id}>{children}</label>
    </div>
  )
}

function Disclosure({ service, texts }: { service: Service; texts: Texts }) {
  // The preset's own disclosure fills in what the config leaves out, each part as a whole: a config's
  // processor replaces the preset's (never one company's name beside another's policy link), and a
  // config's cookie list replaces the preset's list.
  const preset = service.preset && disclosures[service.preset]
  const p = service.processor ?? preset?.processor
  const cookies = service.cookies.length ? service.cookies : (preset?.cookies ?? [])
  const rows: [string, preact.ComponentChildren][] = []
  if (p) rows.push([texts.processor, p.name])
  if (p?.country) rows.push([texts.country, p.country === 'RU' ? p.country : `${p.country} (${texts.crossBorder})`])
  if (p?.purpose) rows.push([texts.purpose, p.purpose])
  if (cookies.length) rows.push([texts.cookies, cookies.join(', ')])
  if (p?.policyUrl) {
    rows.push([
      texts.policy,
      <a href={p.policyUrl} target="_blank" rel="noopener">
        {p.policyUrl}
      </a>,
    ])
  }
  if (!rows.length) return null
  return (
    <dl>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
