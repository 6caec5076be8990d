import { spawnSync } from 'node:child_process'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test PostgreSQL's URL, or why there is none (the PostgreSQL tests then fail with it). */
    postgres: { url: string; error?: undefined } | { url?: undefined; error: string }
  }
}

export default function setup(project: TestProject) {
  const tsc = spawnSync('node_modules/.bin/tsc', ['-p', 'collector'], { encoding: 'utf8' })
  if (tsc.status !== 0) throw new Error(`tsc -p collector failed:\n${tsc.stdout}${tsc.stderr}`)

  const postgres = spawnSync('sh', ['scripts/ensure-postgres.sh'], { encoding: 'utf8' })
  const url = postgres.stdout.trim().split('\n').pop()
  project.provide(
    'postgres',
    postgres.status === 0 && url
      ? { url }
      : { error: `scripts/ensure-postgres.sh found no PostgreSQL:\n${postgres.stderr || postgres.error?.message}` },
  )
}
