import { disclosures } from './disclosures'
import type { Preset } from './preset'
import { topMailRuCounter } from './tmr'

export const topMailRu: Preset = topMailRuCounter(disclosures['top-mail-ru'])
