import type { Preset } from './preset'
import { topMailRuCounter } from './tmr'

export const vkAds: Preset = topMailRuCounter(
  'Пиксель VK Рекламы',
  'Реклама: измерение эффективности объявлений и ретаргетинг в VK Рекламе',
)
