import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Settings } from '../options.js'
import type { ReceiptStore } from '../store/store.js'

/** What every endpoint gets: the request, its parsed URL, the answer to write, the store and settings. */
export interface Exchange {
  request: IncomingMessage
  response: ServerResponse
  url: URL
  store: ReceiptStore
  settings: Settings
}

export type Endpoint = (exchange: Exchange) => Promise<void> | void
