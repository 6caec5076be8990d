// `npm run bench:collector`: drives the compiled collector with autocannon on loopback, on SQLite and on
// PostgreSQL, each with DURABILITY=flush (the default) and commit: 16 connections, each sending its next
// receipt as soon as the last is answered, for 10 s. It prints receipts/s, latency, errors, and whether
// every acknowledged receipt is stored and the chain verifies, and checks the goal on SQLite: at least
// 3 000 receipts/s with p99 under 20 ms, no error, no receipt lost. The collector runs in its own
// process, as in production. First it measures how long this disk takes to flush a write: with
// DURABILITY=flush every answer waits for one.
// (autocannon's fixed-rate mode sends each second's quota in a burst and then waits, so it measures
// bursts rather than a steady rate; hence a fixed number of connections at full speed.)
// Options: --duration <s> (10), --connections <n> (16), --only sqlite|postgres, --durability
// flush|commit, --ceiling (also an empty Node server: what the machine gives right now).
import { spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import pg from 'pg'

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    only: { type: 'string' },
    durability: { type: 'string' },
    ceiling: { type: 'boolean', default: false },
  },
})
const TOKEN = 'bench-token-0123456789abcdef'
const ORIGIN = 'https://www.example.ru'
// One request in twenty repeats a receipt already acknowledged, as a widget retrying after a lost answer.
const REPEAT_SHARE = 0.05

const stores = [
  { name: 'SQLite', key: 'sqlite', open: sqliteDatabase },
  { name: 'PostgreSQL', key: 'postgres', open: postgresDatabase },
].filter((store) => !args.only || store.key === args.only)
const durabilities = ['flush', 'commit'].filter((durability) => !args.durability || durability === args.durability)

const GOAL = { rate: 3000, p99: 20 }

const flush = diskFlush()
console.log(`This disk flushes a 4 KB write in ${flush.p50} ms (median), ${flush.p99} ms (p99).`)

const results = args.ceiling ? [await ceiling()] : []
for (const store of stores) {
  for (const durability of durabilities) {
    const database = await store.open()
    try {
      results.push({ store: `${store.name}, ${durability}`, ...(await bench({ ...database.env, DURABILITY: durability })) })
    } finally {
      await database.drop()
    }
  }
}
console.log(`\n${args.connections} connections, ${args.duration} s each:`)
console.table(results)
for (const row of results.filter((one) => one.store.startsWith('SQLite'))) {
  const met = row['receipts/s'] >= GOAL.rate && row['p99 ms'] < GOAL.p99 && row.errors === 0 && row.lost === 0
  console.log(`${row.store}: goal (≥ ${GOAL.rate} receipts/s, p99 < ${GOAL.p99} ms, 0 errors, none lost) ${met ? 'met' : 'NOT met'}`)
}

/** Median and p99 of 200 fdatasyncs of a 4 KB write, in the directory the SQLite files go to. */
function diskFlush() {
  const dir = mkdtempSync(join(tmpdir(), 'soglasie-flush-'))
  const fd = openSync(join(dir, 'probe'), 'w')
  const times = []
  for (let i = 0; i < 200; i++) {
    const start = performance.now()
    writeSync(fd, Buffer.alloc(4096, i), 0, 4096, (i % 16) * 4096)
    fdatasyncSync(fd)
    times.push(performance.now() - start)
  }
  closeSync(fd)
  rmSync(dir, { recursive: true, force: true })
  times.sort((a, b) => a - b)
  return { p50: times[100].toFixed(2), p99: times[198].toFixed(2) }
}

async function bench(env) {
  const collector = await start(env)
  try {
    const fresh = new Set()
    const acknowledged = []
    let repeats = 0
    const run = autocannon({
      url: collector.url,
      connections: Number(args.connections),
      duration: Number(args.duration),
      requests: [
        {
          method: 'POST',
          path: '/v1/receipts',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          setupRequest(request) {
            const again = acknowledged.length && Math.random() < REPEAT_SHARE
            return { ...request, body: JSON.stringify(receipt(again ? acknowledged[(Math.random() * acknowledged.length) | 0] : randomUUID())) }
          },
          onResponse(status, body) {
            if (status === 201) {
              const { receiptId } = JSON.parse(body)
              fresh.add(receiptId)
              acknowledged.push(receiptId)
            } else if (status === 200) repeats++
          },
        },
      ],
    })
    const result = await run
    const read = (path) => fetch(collector.url + path, { headers: { authorization: `Bearer ${TOKEN}` } })
    // autocannon stops listening at the deadline, not the collector: wait for the last commits.
    let verdict = await (await read('/v1/verify')).json()
    for (let before = -1; verdict.count !== before; ) {
      before = verdict.count
      await new Promise((resolve) => setTimeout(resolve, 300))
      verdict = await (await read('/v1/verify')).json()
    }
    const exported = (await (await read('/v1/export?format=ndjson')).text()).trimEnd().split('\n')
    const stored = new Set(exported.map((line) => JSON.parse(line).receipt.receiptId))
    return {
      'receipts/s': Math.round(result['2xx'] / result.duration),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'max ms': result.latency.max,
      errors: result.errors + result.timeouts + result.non2xx,
      acknowledged: fresh.size,
      repeats,
      // A 201 whose receipt is not in the database. (Rows can outnumber the 201s seen: autocannon stops
      // listening at the deadline while requests are still in flight.)
      lost: [...fresh].filter((id) => !stored.has(id)).length,
      chain: verdict.ok && verdict.count === stored.size ? 'valid' : `BROKEN at ${verdict.firstBadRow}`,
    }
  } finally {
    await collector.stop()
  }
}

/** The same load on a server that reads the body and answers 201 and does nothing else. */
async function ceiling() {
  const empty = `require('node:http').createServer((q, s) => q.resume().on('end', () => s.writeHead(201).end('{}')))
    .listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port + ',') })`
  const server = await start({}, ['-e', empty])
  try {
    const result = await autocannon({
      url: server.url,
      connections: Number(args.connections),
      duration: Number(args.duration),
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(receipt(randomUUID())),
    })
    return {
      store: 'ceiling: empty Node server',
      'receipts/s': Math.round(result['2xx'] / result.duration),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'max ms': result.latency.max,
      errors: result.errors + result.timeouts + result.non2xx,
    }
  } finally {
    await server.stop()
  }
}

function receipt(receiptId) {
  return {
    schema: 'soglasie.receipt/1',
    receiptId,
    consentId: randomUUID(),
    event: 'given',
    method: 'custom',
    timestamp: new Date().toISOString(),
    categories: { necessary: true, analytics: true, marketing: false, functional: false },
    services: { 'yandex-metrica': true, 'vk-ads': false, 'top-mail-ru': false },
    revision: 3,
    policy: { url: 'https://www.example.ru/privacy', version: '2025-09-01', sha256: 'a'.repeat(64) },
    consentText: { sha256: 'b'.repeat(64), language: 'ru' },
    page: 'https://www.example.ru/catalog/item-42',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  }
}

async function start(env, argv = [new URL('dist/main.js', import.meta.url).pathname]) {
  const child = spawn(process.execPath, argv, {
    env: { PATH: process.env.PATH, ...env, PORT: '0', ALLOWED_ORIGINS: ORIGIN, TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  for await (const line of createInterface({ input: child.stdout })) {
    const listening = /listening on (http:\/\/\S+?),/.exec(line)
    if (!listening) continue
    const stop = () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))
    return { url: listening[1], stop }
  }
  throw new Error('the collector did not start')
}

async function sqliteDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'soglasie-bench-'))
  return { env: { SQLITE_PATH: join(dir, 'receipts.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) }
}

/** A fresh schema in DATABASE_URL's database, or in the test database scripts/ensure-postgres.sh provides. */
async function postgresDatabase() {
  let url = process.env.DATABASE_URL
  if (!url) {
    const ensured = spawnSync('sh', [new URL('../scripts/ensure-postgres.sh', import.meta.url).pathname], { encoding: 'utf8' })
    if (ensured.status !== 0) throw new Error(`no PostgreSQL for the bench:\n${ensured.stderr}`)
    url = ensured.stdout.trim().split('\n').pop()
  }
  const schema = `bench_${Date.now()}`
  const admin = new pg.Client(url)
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  const separator = url.includes('?') ? '&' : '?'
  return {
    env: { DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    drop: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`)
      await admin.end()
    },
  }
}
