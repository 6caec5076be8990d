// Prints the bytes a visitor downloads for dist/soglasie.js and fails above the budget in package.json.
import { readFileSync } from 'node:fs'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const { sizeBudget } = JSON.parse(readFileSync('package.json', 'utf8'))
let failed = false
for (const { path, gzip: limit } of sizeBudget) {
  const bytes = readFileSync(path)
  const gzip = gzipSync(bytes, { level: 9 }).length
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  const ok = gzip <= limit
  failed ||= !ok
  console.log(`${path}: ${bytes.length} B, ${gzip} B gzip, ${brotli} B brotli; budget ${limit} B gzip ${ok ? 'ok' : 'EXCEEDED'}`)
}
if (failed) {
  console.error('Size budget exceeded: find what the extra bytes buy, or make them earn their place.')
  process.exit(1)
}
