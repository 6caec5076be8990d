import { copyFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { minify } from 'terser'
import { defineConfig, type Plugin } from 'vite'
import { configReference } from './scripts/config-reference'
import { jsonSchema } from './scripts/schema'

// `vite build` makes the npm module (ESM, dependencies external, readable);
// `vite build --mode embed` makes dist/soglasie.js, the self-contained classic script for a <script> tag;
// `vite build --mode dialogs` and `--mode services` make dist/soglasie.dialogs.js and
// dist/soglasie.services.js, the parts that script fetches when first needed;
// `vite build --mode configurator` makes dist/configurator/, the marketers' page, a folder to host anywhere.
const schema: Plugin = {
  name: 'soglasie-schema',
  buildStart() {
    const schema = jsonSchema()
    writeFileSync('schema.json', JSON.stringify(schema, null, 2) + '\n')
    writeFileSync('docs/config.md', configReference(schema))
  },
}

// A second pass by terser over the minified classic scripts: it finds what the first minifier leaves
// (about 1% gzipped), and the first script's bytes are on a budget. Then V8's compile hint: nearly every
// function of these files runs as soon as the file does, so Chromium compiles them all on the thread
// that streams the file instead of one by one on the main thread (about a third of the first script's
// main-thread time; other engines read it as a comment).
const squeeze: Plugin = {
  name: 'soglasie-squeeze',
  async generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue
      const options = { ecma: 2020, compress: { passes: 3 } } as const
      chunk.code = '//# allFunctionsCalledOnLoad\n' + (await minify(chunk.code, options)).code!
    }
  },
}

// The CSS is written for the browsers the README supports (constructable stylesheets: Safari 16.4),
// so the minifier adds no prefixes or fallbacks for older ones (`inset`, `fit-content`).
const cssTarget = ['chrome111', 'edge111', 'firefox111', 'safari16.4']

const dist = (file: string) => fileURLToPath(new URL(`dist/${file}`, import.meta.url))

// The configurator's preview runs the real widget from the configurator's own folder, so the folder
// works wherever it is hosted. It copies the classic scripts built before it.
const widgetBeside: Plugin = {
  name: 'soglasie-configurator-widget',
  closeBundle() {
    for (const file of ['soglasie.js', 'soglasie.dialogs.js', 'soglasie.services.js']) {
      copyFileSync(dist(file), dist(`configurator/${file}`))
    }
  },
}

export default defineConfig(({ mode }) => ({
  plugins:
    mode === 'configurator' ? [widgetBeside] : ['embed', 'dialogs', 'services'].includes(mode) ? [schema, squeeze] : [schema],
  // A page, not a library: its HTML is the entry, and relative URLs let the folder be hosted anywhere.
  ...(mode === 'configurator' ? { root: 'demo/configurator', base: './' } : {}),
  // nanostores keeps dev-only helpers behind this check; a browser has no `process`.
  define: ['embed', 'dialogs', 'services', 'configurator'].includes(mode) ? { 'process.env.NODE_ENV': '"production"' } : {},
  build:
    mode === 'embed'
      ? {
          emptyOutDir: false,
          target: 'es2020',
          cssTarget,
          lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'soglasieEmbed', fileName: () => 'soglasie.js' },
        }
      : mode === 'services'
      ? {
          emptyOutDir: false,
          target: 'es2020',
          lib: {
            entry: 'src/services/index.ts',
            formats: ['iife'],
            name: '__soglasieServices',
            fileName: () => 'soglasie.services.js',
          },
        }
      : mode === 'configurator'
      ? { outDir: dist('configurator'), emptyOutDir: true, target: 'es2020' }
      : mode === 'dialogs'
      ? {
          emptyOutDir: false,
          target: 'es2020',
          cssTarget,
          lib: {
            entry: 'src/ui/dialogs/index.tsx',
            formats: ['iife'],
            name: '__soglasieDialogs',
            fileName: () => 'soglasie.dialogs.js',
          },
        }
      : {
          target: 'es2020',
          minify: false,
          lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
          rollupOptions: { external: [/^preact/, /^nanostores/, 'js-cookie'] },
        },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', environment: 'happy-dom', include: ['test/unit/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // A page reacting in Chromium on a busy two-core machine can take longer than a second.
          expect: { poll: { timeout: 5_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'collector',
          environment: 'node',
          include: ['test/collector/**/*.test.ts'],
          // Compiles the collector (the kill -9 test runs it as `node`) and finds or starts PostgreSQL.
          globalSetup: ['test/collector/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
}))
