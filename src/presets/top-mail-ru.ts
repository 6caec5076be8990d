import type { Preset } from './preset'
import { topMailRuCounter } from './tmr'

export const topMailRu: Preset = topMailRuCounter('Top.Mail.Ru', 'Веб-аналитика: статистика посещений сайта')
