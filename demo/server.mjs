// Serves the demo site on loopback: the landing page with its config inlined (as on Tilda), the built
// widget, the stand-ins for trackers, and, in the same process, the receipt collector that the widget
// sends its receipts to. `node demo/server.mjs` after `npm run build` and `tsc -p collector` (which is
// what `npm start` does); tests call startDemo() with the collector's sources.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DEMO = join(ROOT, 'demo')
const DIST = join(ROOT, 'dist')

/** The collector's reading token in the demo: printed on start, shown in the demo's panel. */
export const DEMO_TOKEN = 'soglasie-demo-token-not-a-secret'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** `</` cannot end a script element early once escaped. */
const inScript = (value) => JSON.stringify(value).replaceAll('</', '<\\/')

/**
 * The page as a Tilda site serves it: the policy text, kept in its own Markdown file for editing, goes
 * into the config, and receipts go to the local collector instead of the operator's.
 */
async function page(collectorUrl, token) {
  const [html, config, markdown] = await Promise.all([
    readFile(join(DEMO, 'index.html'), 'utf8'),
    readFile(join(DEMO, 'soglasie.config.json'), 'utf8'),
    readFile(join(DEMO, 'policy.ru.md'), 'utf8'),
  ])
  const full = JSON.parse(config)
  full.policy.markdown = markdown
  full.receipts = { ...full.receipts, endpoint: `${collectorUrl}/v1/receipts` }
  return html
    .replace('<!--SOGLASIE_CONFIG-->', inScript(full))
    .replace('<!--DEMO_SETTINGS-->', inScript({ collector: collectorUrl, dpo: `${collectorUrl}/dpo`, token }))
}

/** A file under `folder` for a URL path under it; never a dotfile (demo/.data holds the receipts). */
function fileIn(folder, rest) {
  const file = normalize(join(folder, rest))
  if (!file.startsWith(folder + sep) || file.slice(folder.length).split(sep).some((part) => part.startsWith('.'))) return null
  return TYPES[extname(file)] ? file : null
}

function route(pathname) {
  if (pathname === '/stand-ins.js') return join(DEMO, 'stand-ins.js')
  // The configurator is a folder meant to be hosted as is: its address ends with a slash.
  if (pathname.endsWith('/') && pathname.startsWith('/dist/')) return fileIn(DIST, pathname.slice('/dist/'.length) + 'index.html')
  if (pathname.startsWith('/dist/')) return fileIn(DIST, pathname.slice('/dist/'.length))
  if (pathname.startsWith('/demo/')) return fileIn(DEMO, pathname.slice('/demo/'.length))
  return null
}

const listen = (server, port, host) =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address().port)
    })
  })

/**
 * Starts the demo site and its receipt collector on loopback. `createCollector` is the collector's
 * factory (default: the compiled one in collector/dist); `store` its SQLite file.
 * @param {import('./server.d.mts').DemoOptions} [options]
 * @returns {Promise<import('./server.d.mts').Demo>}
 */
export async function startDemo({
  port = 5173,
  host = '127.0.0.1',
  collectorPort = 8787,
  store = join(DEMO, '.data', 'receipts.db'),
  token = DEMO_TOKEN,
  createCollector,
  log = (message) => console.error(message),
} = {}) {
  let collectorUrl = ''
  const server = createServer(async (request, response) => {
    const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://demo')
      if (pathname === '/' || pathname === '/index.html') {
        response.writeHead(200, { ...headers, 'content-type': TYPES['.html'] }).end(await page(collectorUrl, token))
        return
      }
      if (pathname === '/favicon.ico') return void response.writeHead(204, headers).end()
      if (pathname === '/configurator' || pathname === '/configurator/') {
        return void response.writeHead(302, { ...headers, location: '/dist/configurator/' }).end()
      }
      const file = route(decodeURIComponent(pathname))
      if (!file) throw new Error('not served')
      const body = await readFile(file)
      response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] }).end(body)
    } catch {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found')
    }
  })
  const sitePort = await listen(server, port, host)
  const url = `http://${host}:${sitePort}`
  const closeSite = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })

  let collector
  try {
    const make = createCollector ?? (await import('../collector/dist/index.js')).createCollector
    collector = await make({
      store,
      port: collectorPort,
      host,
      // The page may be opened as 127.0.0.1 or as localhost: two origins.
      allowedOrigins: [url, `http://localhost:${sitePort}`],
      token,
      log: (message) => log(`collector: ${message}`),
    })
  } catch (error) {
    await closeSite()
    throw error
  }
  collectorUrl = collector.url

  return {
    url,
    collectorUrl,
    dpoUrl: `${collectorUrl}/dpo`,
    token,
    async close() {
      await closeSite()
      await collector.close()
    },
  }
}

// `node demo/server.mjs`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 5173)
  const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787)
  try {
    const demo = await startDemo({ port, collectorPort })
    console.log(`Soglasie demo:      ${demo.url}/`)
    console.log(`Configurator:       ${demo.url}/configurator/`)
    console.log(`Receipt collector:  ${demo.dpoUrl}  (any user name, password: ${demo.token})`)
    console.log(`Receipts are kept in demo/.data/receipts.db. Ctrl+C stops.`)
    const stop = async () => {
      await demo.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  } catch (error) {
    if (error?.code === 'EADDRINUSE') {
      console.error(`Port ${error.port} is taken; set PORT (the site) or COLLECTOR_PORT (the collector) to another.`)
    } else if (error?.code === 'ERR_MODULE_NOT_FOUND') {
      console.error('The collector is not compiled: run `npm start`, or `npx tsc -p collector` first.')
    } else {
      console.error(error)
    }
    process.exit(1)
  }
}
