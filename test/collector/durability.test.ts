import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, test } from 'vitest'
import { EXAMPLE_ORIGIN, TOKEN, read, receipt, send } from './receipts.js'
import { STORES, type TestDatabase } from './stores.js'

const children = new Set<ChildProcess>()

afterEach(() => {
  for (const child of children) child.kill('SIGKILL')
  children.clear()
})

/** Starts the compiled collector (`node collector/dist/main.js`, as `npm run collector` does) on `database`. */
async function run(database: TestDatabase, durability: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['collector/dist/main.js'], {
    env: { PATH: process.env.PATH, ...database.env, PORT: '0', ALLOWED_ORIGINS: EXAMPLE_ORIGIN, TOKEN, DURABILITY: durability },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let errors = ''
  child.stderr!.on('data', (chunk) => (errors += chunk))
  for await (const line of createInterface({ input: child.stdout! })) {
    const listening = /listening on (http:\/\/\S+?),/.exec(line)
    if (listening) return { url: listening[1]!, child }
  }
  throw new Error(`the collector did not start:\n${errors}`)
}

const CASES = STORES.flatMap((kind) => ['flush', 'commit'].map((durability) => ({ kind, durability })))

describe.each(CASES)('on $kind.name with DURABILITY=$durability, an acknowledged receipt', ({ kind, durability }) => {
  test('survives kill -9 of the collector', { timeout: 60_000 }, async () => {
    const database = await kind.fresh()
    try {
      const first = await run(database, durability)
      const acknowledged: string[] = []
      let killed = false
      // Eight senders in a loop, as browsers would; the kill lands while requests are in flight.
      const sender = async () => {
        while (!killed) {
          const one = receipt()
          try {
            const response = await send(first.url, one)
            if (response.status === 201) acknowledged.push(one.receiptId as string)
          } catch {
            // The connection died with the process: not acknowledged, so the widget would send it again.
          }
        }
      }
      const senders = Array.from({ length: 8 }, sender)
      while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 5))
      first.child.kill('SIGKILL')
      killed = true
      await Promise.all(senders)

      const second = await run(database, 'flush')
      const text = await (await read(second.url, '/v1/export?format=ndjson')).text()
      const stored = new Set(text.trimEnd().split('\n').map((line) => JSON.parse(line).receipt.receiptId))
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length)
      expect(await (await read(second.url, '/v1/verify')).json()).toMatchObject({ ok: true, count: stored.size })
      // And the restarted collector carries on the same chain.
      expect((await send(second.url, receipt())).status).toBe(201)
      expect(await (await read(second.url, '/v1/verify')).json()).toMatchObject({ ok: true, count: stored.size + 1 })
    } finally {
      await database.drop()
    }
  })
})
