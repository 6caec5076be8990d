import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { settle, type CollectorOptions } from './options.js'
import { route } from './routes.js'
import { openStore } from './store/open.js'

export interface Collector {
  /** Where it listens, like http://127.0.0.1:8787 (a wildcard host reads as loopback). */
  url: string
  port: number
  /** Stops accepting, lets requests in flight finish (their receipts committed), closes the store. */
  close(): Promise<void>
}

/** Opens the store (creating its table) and starts the HTTP service. */
export async function createCollector(options: CollectorOptions = {}): Promise<Collector> {
  const settings = settle(options)
  const store = await openStore(settings.store, settings)
  const server = createServer((request, response) => void route(request, response, store, settings))
  // A receipt is small: a client still sending after 10 s is stuck or hostile.
  server.requestTimeout = 10_000
  server.headersTimeout = 10_000
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject).listen(settings.port, settings.host, () => resolve())
    })
  } catch (error) {
    await store.close()
    throw error
  }
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${reachable(settings.host)}:${port}`,
    port,
    async close() {
      const closed = new Promise((resolve) => server.close(resolve))
      server.closeIdleConnections()
      // Keep-alive clients that never go idle must not hold shutdown forever.
      const force = setTimeout(() => server.closeAllConnections(), 5_000)
      await closed
      clearTimeout(force)
      await store.close()
    },
  }
}

function reachable(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
