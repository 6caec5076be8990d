import type { Category, Model, Service } from '../config/model'
import { presetProcessors } from '../presets/names'
import type { BannerTexts, Texts } from '../texts/ru'

type Known = 'necessary' | 'analytics' | 'marketing' | 'functional'

export function categoryTitle(category: Category, texts: BannerTexts): string {
  return category.title ?? texts[category.id as Known]
}

export function categoryText(category: Category, texts: Texts): string | undefined {
  return category.description ?? texts[`${category.id as Known}Text`]
}

/** The processor's name: the config's, else the preset's own. */
export function processorName(service: Service): string | undefined {
  return service.processor?.name ?? (service.preset && presetProcessors[service.preset])
}

/** The third parties the visitor is asked about: processors of every optional service, once each. */
export function processors(model: Model): string[] {
  const optional = model.services.filter((s) => s.category !== 'necessary')
  return [...new Set(optional.map((s) => processorName(s) ?? s.title ?? s.id))]
}
