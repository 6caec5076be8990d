// The loopback server of the benchmark. Every file is read once, before the first run, and served from
// memory: a rebuild of dist/ during the bench cannot swap a widget between runs, and the byte counts
// are those of the very bodies the browser got. Bodies go out uncompressed (it is the loopback); what
// a visitor would download is computed from them with zlib at the highest levels.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** gzip -9 and brotli q11 of a body, as a CDN with static compression would send it. */
export function compressed(body) {
  const bytes = Buffer.from(body)
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

export async function startServer() {
  /** path → { body: Buffer, type } */
  const routes = new Map()
  const sizes = new Map()

  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1')
    const route = routes.get(pathname)
    if (!route) {
      res.writeHead(pathname === '/favicon.ico' ? 204 : 404, { 'cache-control': 'no-store' })
      return res.end()
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' })
    res.end(route.body)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))

  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** Serves `body` (a string or a Buffer) at `path`. */
    serve(path, body, type = TYPES[extname(path)] ?? 'application/octet-stream') {
      routes.set(path, { body: Buffer.from(body), type })
      sizes.delete(path)
      return path
    },
    /** Serves at `path` the very body already served at `existing`. */
    alias(path, existing) {
      routes.set(path, routes.get(existing))
      return path
    },
    /** Serves a file read now. */
    file(path, file) {
      return this.serve(path, readFileSync(file))
    },
    /** raw, gzip and brotli bytes of what is served at `path` (undefined if nothing is). */
    size(path) {
      const route = routes.get(path)
      if (!route) return undefined
      if (!sizes.has(path)) sizes.set(path, compressed(route.body))
      return sizes.get(path)
    },
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}
