import type { Entry } from './receipt'

/**
 * Receipts not yet acknowledged by the endpoint, in localStorage so that a closed tab, a network
 * failure or a collector that is down loses nothing: the next page of the site sends them again.
 * Where storage is refused (blocked, full), the list lives in memory for this page at least.
 */
export interface Outbox {
  read(): Entry[]
  write(entries: Entry[]): void
}

export function openOutbox(key: string): Outbox {
  let memory: Entry[] | undefined // set while storage refuses to keep the list
  return {
    read() {
      try {
        return memory ?? JSON.parse(localStorage.getItem(key) ?? '[]')
      } catch {
        return memory ?? []
      }
    },
    write(entries) {
      try {
        localStorage.setItem(key, JSON.stringify(entries))
        memory = undefined
      } catch {
        memory = entries
      }
    },
  }
}
