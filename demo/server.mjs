// Serves the demo site on loopback: the page with its config inlined (as on Tilda), and the built widget.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.PORT ?? 5173)
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' }

// The policy text lives in its own Markdown file for editing; the page gets it inside the config, the
// way a Tilda owner pastes the whole config into the HEAD field.
async function page() {
  const [html, config, markdown] = await Promise.all([
    readFile(join(root, 'demo/index.html'), 'utf8'),
    readFile(join(root, 'demo/soglasie.config.json'), 'utf8'),
    readFile(join(root, 'demo/policy.ru.md'), 'utf8'),
  ])
  const full = JSON.parse(config)
  full.policy.markdown = markdown
  // `</` cannot end the JSON element early once escaped.
  return html.replace('<!--SOGLASIE_CONFIG-->', JSON.stringify(full).replaceAll('</', '<\\/'))
}

createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname))
  try {
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'content-type': types['.html'] }).end(await page())
      return
    }
    if (!path.startsWith('/dist/') && !path.startsWith('/demo/')) throw new Error('not served')
    const body = await readFile(join(root, path))
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body)
  } catch {
    response.writeHead(404).end('not found')
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`Soglasie demo: http://127.0.0.1:${port}/`)
})
