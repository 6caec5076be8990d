// `npm run collector`: the collector configured by environment variables (see collector/README.md).
import { createCollector, type Collector } from './collector.js'
import { optionsFromEnv } from './env.js'

let collector: Collector
try {
  const options = optionsFromEnv(process.env)
  collector = await createCollector(options)
  // Never print DATABASE_URL: it holds the database password.
  const store = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${options.store}`
  console.log(`soglasie-collector: listening on ${collector.url}, receipts in ${store}`)
  if (!options.token) console.log('soglasie-collector: no TOKEN, so reading receipts (query, export, DPO page) is off')
} catch (error) {
  console.error(`soglasie-collector: cannot start: ${(error as Error).message}`)
  process.exit(2)
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`soglasie-collector: ${signal}, finishing the requests in flight`)
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
}
