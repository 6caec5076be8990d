import type { PresetId } from '../config/types'
import { amocrm } from './amocrm'
import { bothelp } from './bothelp'
import { googleAnalytics } from './google-analytics'
import { mangoOffice } from './mango-office'
import { marquiz } from './marquiz'
import type { Preset } from './preset'
import { salebot } from './salebot'
import { sendsay } from './sendsay'
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
