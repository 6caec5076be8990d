import { afterEach } from 'vitest'
import { createCollector, type Collector, type CollectorOptions } from '../../collector/src/index.js'
import { EXAMPLE_ORIGIN, TOKEN } from './receipts.js'
import type { TestDatabase, TestStore } from './stores.js'

/**
 * Starts collectors on fresh databases of one store; after each test closes them all, then drops the
 * databases. Every collector allows the example site and has the test token unless `options` say otherwise.
 */
export function collectors(kind: TestStore) {
  const running: Collector[] = []
  const databases = new Set<TestDatabase>()
  afterEach(async () => {
    for (const collector of running.splice(0)) await collector.close()
    for (const database of databases) await database.drop()
    databases.clear()
  })
  return async function start(options: CollectorOptions = {}, shared?: TestDatabase) {
    const database = shared ?? (await kind.fresh())
    databases.add(database)
    const collector = await createCollector({
      store: database.store,
      allowedOrigins: [EXAMPLE_ORIGIN],
      token: TOKEN,
      log: () => undefined,
      ...options,
    })
    running.push(collector)
    return { url: collector.url, database }
  }
}
