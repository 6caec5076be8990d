// Types of scripts/offline.mjs, for the TypeScript tests.
import type { Browser, BrowserContext, Request } from 'playwright-core'

export interface OutsideAnswer {
  status?: number
  contentType?: string
  body?: string
  /** Milliseconds to wait before answering. */
  delay?: number
}

export const NO_NAMES: string
export function launchChromium(options?: { resolverRules?: string; args?: string[] }): Promise<Browser>
export function isLoopback(host: string): boolean
export function routeOutside(context: BrowserContext, answer: (request: Request, url: URL) => OutsideAnswer): Promise<void>
