import type { Model } from '../config/model'
import { en } from '../texts/en'
import { ru, type BannerTexts } from '../texts/ru'

export type Language = 'ru' | 'en'

/** `auto`: the page's own language first (the site knows best), then the browser's. Russian otherwise. */
export function pickLanguage(setting: Model['language']): Language {
  if (setting !== 'auto') return setting
  for (const tag of [document.documentElement.lang, ...navigator.languages]) {
    const language = tag?.slice(0, 2).toLowerCase()
    if (language === 'ru' || language === 'en') return language
  }
  return 'ru'
}

/** The banner's texts in the visitor's language, with the config's overrides. */
export function textsFor(model: Model, language: Language = pickLanguage(model.language)): BannerTexts {
  return { ...{ ru, en }[language], ...model.texts[language] }
}

/** Fills `{name}` placeholders. The result is text: Preact renders it as a text node, never as HTML. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match)
}
