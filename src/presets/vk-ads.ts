import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { topMailRuCounter } from './tmr'

export const vkAds: Preset = topMailRuCounter(disclosures['vk-ads'])
