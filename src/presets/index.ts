import type { PresetId } from '../config/types'
import { amocrm } from './amocrm'
import { bothelp } from './bothelp'
import { optionDocs } from './docs'
import { googleAnalytics } from './google-analytics'
import { mangoOffice } from './mango-office'
import { marquiz } from './marquiz'
import type { Preset } from './preset'
import { salebot } from './salebot'
import { sendsay } from './sendsay'
import type { Rule } from './shared'
import { topMailRu } from './top-mail-ru'
import { vkAds } from './vk-ads'
import { vkRetargeting } from './vk-retargeting'
import { yandexForms } from './yandex-forms'
import { yandexMetrica } from './yandex-metrica'

export const presets: Record<PresetId, Preset> = {
  'yandex-metrica': yandexMetrica,
  'vk-ads': vkAds,
  'vk-retargeting': vkRetargeting,
  'top-mail-ru': topMailRu,
  'mango-office': mangoOffice,
  salebot,
  marquiz,
  bothelp,
  amocrm,
  sendsay,
  'yandex-forms': yandexForms,
  'google-analytics': googleAnalytics,
}

export { checkOptions, type Rule } from './shared'

/** One option of a preset: the rule its `check` applies, with the text that explains it. */
export interface OptionRule extends Rule {
  readonly description: string
}

/**
 * What a preset's `options` take, key by key, in the order `check` reports them: the data schema.json is
 * generated from, and what the configurator validates with (`checkOptions(options, optionRules(id))`).
 */
export function optionRules(id: PresetId): Record<string, OptionRule> {
  const docs = optionDocs[id]
  const entries = Object.entries(presets[id].options).map(([key, rule]) => [key, { ...rule, description: docs[key] ?? '' }])
  return Object.fromEntries(entries)
}
