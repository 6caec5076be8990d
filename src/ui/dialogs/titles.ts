import type { Service } from '../../config/model'
import { disclosures } from '../../presets/disclosures'

/** What the dialogs call a service: the config's title, else the preset's, else its processor or id. */
export function serviceTitle(service: Service): string {
  return service.title ?? (service.preset && disclosures[service.preset].title) ?? service.processor?.name ?? service.id
}
