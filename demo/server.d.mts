// Types of demo/server.mjs, for the TypeScript tests that start the demo.

export interface DemoCollectorOptions {
  store: string
  port: number
  host: string
  allowedOrigins: string[]
  token: string
  log: (message: string) => void
}

export interface DemoOptions {
  /** The site's port; default 5173, 0 for any free one. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** The collector's port; default 8787, 0 for any free one. */
  collectorPort?: number
  /** The collector's SQLite file (or ':memory:'); default demo/.data/receipts.db. */
  store?: string
  /** The collector's reading token; default DEMO_TOKEN. */
  token?: string
  /** The collector's factory; default the compiled one in collector/dist. */
  createCollector?: (options: DemoCollectorOptions) => Promise<{ url: string; close(): Promise<void> }>
  /** Where the collector's problems go; default stderr. */
  log?: (message: string) => void
}

export interface Demo {
  /** e.g. http://127.0.0.1:5173 (no trailing slash) */
  url: string
  /** e.g. http://127.0.0.1:8787 */
  collectorUrl: string
  /** The collector's page for the DPO (HTTP Basic: any user name, the token as password). */
  dpoUrl: string
  token: string
  close(): Promise<void>
}

export declare const DEMO_TOKEN: string
export declare function startDemo(options?: DemoOptions): Promise<Demo>
