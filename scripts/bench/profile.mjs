// Where Soglasie's startup spends its script time, on builds of the sources made here with the settings
// of `vite build --mode embed` plus a source map: Chromium traces (each entry into Soglasie's code, with
// its CPU time, and V8's parsing and compiling) on the minified build, and CDP CPU profiles (self time
// per function and per line) on an unminified one, whose lines are those of src/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, join, relative, resolve } from 'node:path'

const ROOT = new URL('../../', import.meta.url).pathname

/**
 * Builds src/embed.ts with the build settings of `vite build --mode embed` (read from vite.config.ts), with
 * a source map, minified or not, into memory; returns { code, map } with the map's sources as absolute
 * paths. Without the config's plugins: its second minifier pass would lose the map.
 */
export async function buildEmbed({ minify }) {
  const { build, loadConfigFromFile } = await import('vite')
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'embed' }, join(ROOT, 'vite.config.ts'), ROOT, 'silent')
  const outDir = mkdtempSync(join(tmpdir(), 'soglasie-bench-'))
  try {
    await build({
      configFile: false,
      root: ROOT,
      mode: 'embed',
      logLevel: 'silent',
      define: config.define,
      build: { ...config.build, outDir, emptyOutDir: true, minify, sourcemap: true },
    })
    const map = JSON.parse(readFileSync(join(outDir, 'soglasie.js.map'), 'utf8'))
    map.sources = map.sources.map((source) => resolve(outDir, source))
    // The compile hint the real build puts on its first line (vite.config.ts), one line down in the map.
    map.mappings = ';' + map.mappings
    const code = readFileSync(join(outDir, 'soglasie.js'), 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '')
    return { code: '//# allFunctionsCalledOnLoad\n' + code, map }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

/**
 * Self time in the script at `url`, per function and per source line, averaged over `profiles`;
 * besides, the self time of everything else by script file or category.
 */
export function selfTimes(profiles, url, map) {
  const sourceMap = new SourceMap(map)
  const byFunction = new Map()
  const byLine = new Map()
  const bySource = new Map()
  const other = new Map()
  const add = (to, key, ms) => to.set(key, (to.get(key) ?? 0) + ms)
  let total = 0
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    const self = new Map()
    profile.samples.forEach((id, i) => add(self, id, (profile.timeDeltas[i] ?? 0) / 1000))
    for (const [id, ms] of self) {
      const node = nodes.get(id)
      const { callFrame } = node
      if (callFrame.url !== url) {
        add(other, callFrame.url ? scriptName(callFrame.url) : callFrame.functionName || '(anonymous)', ms)
        continue
      }
      total += ms
      const start = original(sourceMap, callFrame.lineNumber + 1)
      const name = callFrame.functionName || (start.source.endsWith('(bundle)') ? '(top level of the bundle)' : '(anonymous)')
      add(byFunction, `${name}\u0000${start.where}`, ms)
      // The samples' own lines (1-based in the bundle), each mapped back to src/.
      const ticks = node.positionTicks ?? []
      const all = ticks.reduce((sum, t) => sum + t.ticks, 0)
      for (const t of all ? ticks : [{ line: callFrame.lineNumber + 1, ticks: 1 }]) {
        const at = original(sourceMap, t.line)
        const share = (ms * t.ticks) / (all || 1)
        add(byLine, at.where, share)
        add(bySource, at.source, share)
      }
    }
  }
  const runs = profiles.length || 1
  const rows = (map) => [...map].map(([key, ms]) => [key, ms / runs]).sort((a, b) => b[1] - a[1])
  return {
    total: total / runs,
    byFunction: rows(byFunction).map(([key, selfMs]) => {
      const [name, where] = key.split('\u0000')
      return { name, where, selfMs }
    }),
    byLine: rows(byLine).map(([where, selfMs]) => ({ where, selfMs, text: textAt(where) })),
    bySource: rows(bySource).map(([source, selfMs]) => ({ source, selfMs })),
    other: rows(other).map(([name, selfMs]) => ({ name, selfMs })),
  }
}

/** A profiled script's file name; V8's and Chromium's own scripts have names that are no URL (v8/LoadTimes). */
function scriptName(url) {
  try {
    return basename(new URL(url).pathname)
  } catch {
    return url
  }
}

const sources = new Map()
function textAt(where) {
  const [, file, line] = where.match(/^(.*):(\d+)$/) ?? []
  if (!file) return ''
  if (!sources.has(file)) {
    try {
      sources.set(file, readFileSync(join(ROOT, file), 'utf8').split('\n'))
    } catch {
      sources.set(file, [])
    }
  }
  return (sources.get(file)[Number(line) - 1] ?? '').trim()
}

/** The src/ file and line of a (1-based) bundle line: the first mapping on it. */
function original(sourceMap, line) {
  let entry
  for (let column = 0; column < 400 && !entry?.originalSource; column += 2) {
    const found = sourceMap.findEntry(line - 1, column)
    if (found?.generatedLine === line - 1) entry = found
    else if (found && found.generatedLine > line - 1) break
  }
  if (!entry?.originalSource) return { where: `soglasie.js:${line}`, source: 'soglasie.js (bundle)' }
  const path = relative(ROOT, entry.originalSource.replace(/^file:\/\//, ''))
  return {
    where: `${path}:${entry.originalLine + 1}`,
    source: path.startsWith('node_modules/') ? `${path.split('/')[1]} (node_modules)` : path,
  }
}

/**
 * The main thread's script work for Soglasie in a trace of one load (CDP Tracing, devtools.timeline):
 * every outermost EvaluateScript or FunctionCall of soglasie.js or soglasie.dialogs.js, named by the
 * src/ line it starts at, with its CPU time (tdur) and wall time (dur) in ms; plus the longest task
 * that ran any of them. `url` is the soglasie.js the page loaded.
 */
export function phasesOf(trace, url, map) {
  const sourceMap = new SourceMap(map)
  const dialogs = url.replace(/soglasie\.js$/, 'soglasie.dialogs.js')
  const ours = (e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && [url, dialogs].includes(e.args?.data?.url)
  const first = trace.find(ours)
  if (!first) return null
  const thread = trace.filter((e) => e.ph === 'X' && e.pid === first.pid && e.tid === first.tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const inside = (outer, e) => e !== outer && e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur
  const calls = thread.filter(ours)
  const outermost = calls.filter((e) => !calls.some((outer) => inside(outer, e)))
  const tasks = thread.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
  const phases = new Map()
  let longest = { cpu: 0, wall: 0, own: 0 }
  for (const e of outermost) {
    const data = e.args.data
    let label
    if (data.url === dialogs) label = 'soglasie.dialogs.js: run the dialogs file (Preact, the dialogs)'
    else if (e.name === 'EvaluateScript') label = 'soglasie.js: evaluate the script (top level, in `<head>`)'
    else {
      const at = sourceMap.findEntry(data.lineNumber - 1, Math.max(0, data.columnNumber - 1))
      const where = at?.originalSource ? `${relative(ROOT, at.originalSource)}:${at.originalLine + 1}` : `soglasie.js:${data.lineNumber}`
      // The source line names a callback better than a minified function name.
      label = `${where} \`${textAt(where).slice(0, 70)}\``
    }
    const task = tasks.find((t) => inside(t, e))
    const phase = phases.get(label) ?? { label, cpu: 0, wall: 0, calls: 0, compileCpu: 0, when: new Set() }
    // A script file runs when it has loaded (the parser waits for soglasie.js in <head>); a callback,
    // when whatever ran its task says.
    if (e.name === 'EvaluateScript') phase.when.add(data.url === url ? 'the parser, which waits for it' : 'its script element, once loaded')
    else if (task) phase.when.add(triggerOf(thread, task))
    phase.cpu += (e.tdur ?? e.dur) / 1000
    phase.wall += e.dur / 1000
    phase.calls++
    // V8 parsing and compiling inside it (functions are compiled when first called), outermost only.
    const compiles = thread.filter((c) => COMPILE.test(c.name) && inside(e, c))
    for (const c of compiles) if (!compiles.some((outer) => inside(outer, c))) phase.compileCpu += (c.tdur ?? c.dur) / 1000
    phases.set(label, phase)
    if (task && (task.tdur ?? task.dur) / 1000 > longest.cpu) {
      // A task that runs a callback of Soglasie's may be mostly the browser's own work (the parser's end,
      // a frame): how much of it is Soglasie's code.
      const own = outermost.filter((o) => inside(task, o)).reduce((sum, o) => sum + (o.tdur ?? o.dur) / 1000, 0)
      longest = { cpu: (task.tdur ?? task.dur) / 1000, wall: task.dur / 1000, own, label }
    }
  }
  // Every long task of the load (over 50 ms of wall time, as the Long Tasks API counts), by whether it
  // runs Soglasie's code and whether it renders a frame.
  const parsed = thread.find((e) => e.name === 'ParseHTML')?.ts ?? first.ts
  const long = tasks.filter((t) => t.dur > 50_000 && t.ts + t.dur >= parsed)
  const longTasks = {
    ours: long.filter((t) => outermost.some((e) => inside(t, e))).length,
    rendering: long.filter((t) => !outermost.some((e) => inside(t, e)) && thread.some((e) => RENDERING.test(e.name) && inside(t, e))).length,
  }
  return { phases: [...phases.values()].map((p) => ({ ...p, when: [...p.when].sort().join(', ') })), longest, longTasks }
}

const RENDERING = /^(Layout|Paint|UpdateLayoutTree)$/

const COMPILE = /^V8\.(Compile|Parse|PreParse|LazyCompile)|^v8\.compile/

/** What ran a task: the HTML parser, an idle callback, a timer, an event. */
function triggerOf(thread, task) {
  const nested = thread.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur)
  if (nested.some((e) => e.name === 'FireIdleCallback')) return 'idle callback'
  if (nested.some((e) => e.name === 'ParseHTML')) return 'parsing the page'
  if (nested.some((e) => e.name === 'TimerFire')) return 'timer'
  const event = nested.find((e) => e.name === 'EventDispatch')
  return event?.args?.data?.type ? `${event.args.data.type} event` : 'other task'
}

const mostOften = (values) => {
  const counts = new Map()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
}

/** Medians over several loads of the phases of each. */
export function medianPhases(loads) {
  const labels = [...new Set(loads.flatMap((l) => l?.phases.map((p) => p.label) ?? []))]
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    const mid = (sorted.length - 1) / 2
    return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2
  }
  const valid = loads.filter(Boolean)
  const of = (label, key) => median(valid.map((l) => l.phases.find((p) => p.label === label)?.[key] ?? 0))
  return {
    phases: labels
      .map((label) => ({
        label,
        when: [...new Set(valid.flatMap((l) => l.phases.find((p) => p.label === label)?.when.split(', ') ?? []))].filter(Boolean).sort().join(', '),
        cpu: of(label, 'cpu'),
        wall: of(label, 'wall'),
        compileCpu: of(label, 'compileCpu'),
      }))
      .sort((a, b) => b.cpu - a.cpu),
    total: { cpu: median(valid.map((l) => l.phases.reduce((s, p) => s + p.cpu, 0))), wall: median(valid.map((l) => l.phases.reduce((s, p) => s + p.wall, 0))) },
    longTasks: { ours: median(valid.map((l) => l.longTasks.ours)), rendering: median(valid.map((l) => l.longTasks.rendering)) },
    longest: {
      cpu: median(valid.map((l) => l.longest.cpu)),
      wall: median(valid.map((l) => l.longest.wall)),
      own: median(valid.map((l) => l.longest.own)),
      label: mostOften(valid.map((l) => l.longest.label)),
    },
  }
}
