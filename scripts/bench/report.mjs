// docs/benchmarks.md and the console table, from the summaries of a run. Everything in the report is
// computed here from the measurements; nothing in it is typed by hand.
export const BUDGETS = {
  gzip: 10_240,
  afterFcp: 1000 / 60,
  script: { 1: 20, 4: 60 },
  longTasksAdded: 0,
  cls: 0,
}

const n = (v, digits = 0) => (v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits))
const ms = (v) => n(v, Math.abs(v ?? 0) < 10 ? 1 : 0)
const bytes = (v) => (v === null || v === undefined ? '—' : Math.round(v).toLocaleString('en-US').replace(/,/g, ' '))
const signed = (v, f = ms) => (v === null || v === undefined ? '—' : (v > 0 ? '+' : v < 0 ? '−' : '±') + f(Math.abs(v)))
const cls = (v) => (v === null ? '—' : v === 0 ? '0' : v.toFixed(4))
const ratio = (a, b) => (a === null || b === null || b <= 0.5 ? '—' : `${(a / b).toFixed(2)}×`)

/** The figures of one widget in one condition, against the baseline of that condition. */
export function row(summary, base) {
  const delta = (key) =>
    summary[key].median === null || base[key].median === null ? null : summary[key].median - base[key].median
  return {
    gzip: summary.gzip,
    brotli: summary.brotli,
    requests: summary.requests,
    fcp: summary.fcp.median,
    fcpAdded: delta('fcp'),
    fcpPaintAdded: delta('fcpPaint'),
    visible: summary.visible.median,
    afterFcp: summary.afterFcp.median,
    script: delta('script'),
    scriptRange: [summary.script.min - base.script.median, summary.script.max - base.script.median],
    scriptWall: delta('scriptWall'),
    styleLayout: delta('styleLayout'),
    longTasks: summary.longTasks.median,
    longTasksAdded: delta('longTasks'),
    tbt: summary.tbt.median,
    tbtAdded: delta('tbt'),
    cls: summary.cls.median,
    clsMax: summary.cls.max,
    click: summary.click.median,
    files: summary.files,
    fetchedAfterClick: summary.fetchedAfterClick,
    fetchedOnPointer: summary.fetchedOnPointer,
  }
}

/**
 * rows: Soglasie's figures per rate; controls: those of the empty script in `<head>` (the install's own
 * cost), shown beside the long tasks and CLS; the budgets are still checked against the baseline.
 */
export function budgetChecks(rows, controls = {}) {
  const checks = []
  const each = (fn) => Object.entries(rows).map(([rate, r]) => fn(Number(rate), r))
  checks.push({
    budget: `bytes before the banner ≤ ${bytes(BUDGETS.gzip)} B gzip`,
    measured: each((rate, r) => `${bytes(r.gzip)} B (${rate}×)`).join(', '),
    pass: each((rate, r) => r.gzip !== null && r.gzip <= BUDGETS.gzip).every(Boolean),
  })
  checks.push({
    budget: 'banner visible ≤ FCP + one frame (16.7 ms)',
    measured: each((rate, r) => `FCP ${signed(r.afterFcp)} ms (${rate}×)`).join(', '),
    pass: each((rate, r) => r.afterFcp !== null && r.afterFcp <= BUDGETS.afterFcp).every(Boolean),
  })
  for (const rate of [1, 4]) {
    if (!rows[rate]) continue
    checks.push({
      budget: `widget script ≤ ${BUDGETS.script[rate]} ms at ${rate}×`,
      measured: `${n(rows[rate].script, 1)} ms of main-thread CPU (runs ${ms(rows[rate].scriptRange[0])}…${ms(rows[rate].scriptRange[1])}); wall clock ${ms(rows[rate].scriptWall)} ms`,
      pass: rows[rate].script !== null && rows[rate].script <= BUDGETS.script[rate],
    })
  }
  checks.push({
    budget: 'no long task added',
    measured: each(
      (rate, r) =>
        `${n(r.longTasks)} (${signed(r.longTasksAdded, n)} vs baseline, TBT ${signed(r.tbtAdded)} ms${
          controls[rate] ? `; an empty script in \`<head>\` ${signed(controls[rate].longTasksAdded, n)}` : ''
        }) at ${rate}×`,
    ).join('; '),
    pass: each((rate, r) => r.longTasksAdded !== null && r.longTasksAdded <= BUDGETS.longTasksAdded).every(Boolean),
  })
  checks.push({
    budget: 'CLS 0 (no shift beyond the page\'s own)',
    measured: each(
      (rate, r) =>
        `${cls(r.clsMax)} in the worst run (${rate}×${controls[rate] ? `; no widget ${cls(controls[rate].baseClsMax)}, an empty script in \`<head>\` ${cls(controls[rate].clsMax)}` : ''})${
          r.clsMax > 0 && controls[rate] ? (controls[rate].beyondPage.length ? `: ${controls[rate].beyondPage.join(', ')} not without the widget` : ': only shifts the page has without the widget too') : ''
        }`,
    ).join(', '),
    pass: each((rate, r) => r.clsMax === 0 || (controls[rate] !== undefined && controls[rate].beyondPage.length === 0)).every(Boolean),
  })
  return checks
}

const HEADER = [
  'widget',
  'gzip before banner',
  'brotli',
  'requests',
  'inline in page (gzip)',
  'FCP',
  'banner visible',
  'banner − FCP',
  'widget script (CPU)',
  'script (wall clock)',
  'style + layout (CPU)',
  'long tasks',
  'TBT',
  'CLS',
  'click → tracker',
]

function tableRows(widgets, rows, baseRow, html, control) {
  const lines = [
    [
      'no widget (baseline)',
      '—',
      '—',
      '—',
      '—',
      ms(baseRow.fcp),
      '—',
      '—',
      `${ms(baseRow.script)} total`,
      `${ms(baseRow.scriptWall)} total`,
      `${ms(baseRow.styleLayout)} total`,
      n(baseRow.longTasks),
      ms(baseRow.tbt),
      cls(baseRow.cls),
      '—',
    ],
  ]
  if (control) {
    lines.push([
      'an empty script in `<head>` (control)',
      '—',
      '—',
      '—',
      bytes(html.control),
      `${ms(control.fcp)} (${signed(control.fcpAdded)})`,
      '—',
      '—',
      signed(control.script),
      signed(control.scriptWall),
      signed(control.styleLayout),
      `${n(control.longTasks)} (${signed(control.longTasksAdded, n)})`,
      `${ms(control.tbt)} (${signed(control.tbtAdded)})`,
      cls(control.cls),
      '—',
    ])
  }
  for (const w of widgets) {
    const r = rows[w.id]
    lines.push([
      `${w.name} ${w.version}`,
      bytes(r.gzip),
      bytes(r.brotli),
      n(r.requests),
      bytes(html[w.id]),
      `${ms(r.fcp)} (${signed(r.fcpAdded)})`,
      ms(r.visible),
      signed(r.afterFcp),
      `${ms(r.script)} (${ms(r.scriptRange[0])}…${ms(r.scriptRange[1])})`,
      ms(r.scriptWall),
      signed(r.styleLayout),
      `${n(r.longTasks)} (${signed(r.longTasksAdded, n)})`,
      `${ms(r.tbt)} (${signed(r.tbtAdded)})`,
      cls(r.cls),
      ms(r.click),
    ])
  }
  return lines
}

const markdownTable = (header, lines) =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n')

/** A plain-text table for the terminal. */
export function consoleTable(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)))
  const format = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ')
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n')
}

export function terminal({ widgets, rows, baseRows, controlRows = {}, html, checks, profile }) {
  const parts = []
  if (profile?.phases) {
    parts.push('\nSoglasie, step by step (trace medians, ms)')
    const labels = [...new Set(Object.values(profile.phases).flatMap((set) => set.phases.map((p) => p.label)))]
    const cell = (rate, label, key) => ms(profile.phases[rate]?.phases.find((p) => p.label === label)?.[key])
    parts.push(
      consoleTable(
        ['step', 'CPU 1×', 'compile', 'wall 1×', 'CPU 4×', 'wall 4×'],
        [
          ...labels.map((label) => [label.slice(0, 110), cell(1, label, 'cpu'), cell(1, label, 'compileCpu'), cell(1, label, 'wall'), cell(4, label, 'cpu'), cell(4, label, 'wall')]),
          ['longest task', ms(profile.phases[1]?.longest.cpu), '', ms(profile.phases[1]?.longest.wall), ms(profile.phases[4]?.longest.cpu), ms(profile.phases[4]?.longest.wall)],
        ],
      ),
    )
  }
  if (profile) {
    parts.push(`\nSoglasie at 4×: ${ms(profile.total)} ms self time in soglasie.js per load; top functions`)
    parts.push(consoleTable(['function', 'source', 'self ms'], profile.byFunction.slice(0, 12).map((f) => [f.name, f.where, ms(f.selfMs)])))
    parts.push(consoleTable(['line', 'self ms', 'code'], profile.byLine.slice(0, 15).map((f) => [f.where, ms(f.selfMs), f.text.slice(0, 90)])))
    parts.push(consoleTable(['source', 'self ms'], profile.bySource.slice(0, 8).map((f) => [f.source, ms(f.selfMs)])))
    parts.push(consoleTable(['outside', 'self ms'], profile.other.slice(0, 8).map((f) => [f.name, ms(f.selfMs)])))
  }
  for (const rate of Object.keys(rows)) {
    parts.push(`\n${rate === '1' ? 'Unthrottled' : `${rate}× CPU throttling`} (medians; bytes and ms)`)
    parts.push(consoleTable(HEADER, tableRows(widgets, rows[rate], baseRows[rate], html, controlRows[rate])))
  }
  parts.push('\nSoglasie budgets')
  parts.push(consoleTable(['budget', 'measured', 'result'], checks.map((c) => [c.budget, c.measured, c.pass ? 'pass' : 'FAIL'])))
  return parts.join('\n')
}

export function markdown(r) {
  const { widgets, rows, baseRows, controlRows = {}, html, checks, works, machine, runs, profile, method, elapsed } = r
  const vanilla = 'vanilla-cookieconsent'
  const out = []
  out.push('# Benchmarks: Soglasie and three open-source consent widgets')
  out.push('')
  out.push(
    `_Written by \`npm run bench\` (scripts/bench/) on ${machine.date}; the whole file is regenerated by that command, do not edit it by hand._`,
  )
  out.push('')
  out.push('## Soglasie against its budgets')
  out.push('')
  out.push(markdownTable(['budget (issue #8)', 'measured (medians)', 'result'], checks.map((c) => [c.budget, c.measured, c.pass ? '✅ pass' : '❌ fail'])))
  out.push('')
  const failed = checks.filter((c) => !c.pass)
  out.push(failed.length ? `Missed: ${failed.map((c) => c.budget).join('; ')}. See «What is left» below.` : 'All budgets met in this run.')
  out.push('')

  for (const rate of Object.keys(rows)) {
    out.push(`## ${rate === '1' ? 'Unthrottled' : `${rate}× CPU throttling`}`)
    out.push('')
    out.push(`Medians of ${runs} runs each (in parentheses: the change against the page without a widget; for the widget script, the lowest and highest run). Bytes in B, times in ms. The control is the page with an empty script in \`<head>\`: what installing a widget as a parser-blocking script costs before any of its code runs.`)
    out.push('')
    out.push(markdownTable(HEADER, tableRows(widgets, rows[rate], baseRows[rate], html, controlRows[rate])))
    out.push('')
  }

  out.push('## Ratios against vanilla-cookieconsent')
  out.push('')
  out.push('Each figure divided by vanilla-cookieconsent\'s (below 1× is smaller or faster); «—» where vanilla-cookieconsent\'s figure is about zero.')
  out.push('')
  const ratioHeader = ['widget', 'gzip before banner', 'brotli', 'banner visible (1×)', 'banner visible (4×)', 'widget script (1×)', 'widget script (4×)', 'TBT (4×)', 'click → tracker (1×)']
  const ratioLines = widgets
    .filter((w) => w.id !== vanilla)
    .map((w) => {
      const a1 = rows[1]?.[w.id]
      const v1 = rows[1]?.[vanilla]
      const a4 = rows[4]?.[w.id]
      const v4 = rows[4]?.[vanilla]
      return [
        w.name,
        ratio(a1?.gzip, v1?.gzip),
        ratio(a1?.brotli, v1?.brotli),
        ratio(a1?.visible, v1?.visible),
        ratio(a4?.visible ?? null, v4?.visible ?? null),
        ratio(a1?.script, v1?.script),
        ratio(a4?.script ?? null, v4?.script ?? null),
        ratio(a4?.tbt ?? null, v4?.tbt ?? null),
        ratio(a1?.click, v1?.click),
      ]
    })
  out.push(markdownTable(ratioHeader, ratioLines))
  out.push('')

  out.push('## What each widget fetched')
  out.push('')
  out.push('Unthrottled, in most runs: the files fetched before the banner was visible, those fetched once the pointer came to «accept all» (250 ms before the click), and those fetched between the click and the first tracker request.')
  out.push('')
  out.push(
    markdownTable(
      ['widget', 'before the banner', 'when the pointer came to «accept all»', 'between the click and the first tracker request'],
      widgets.map((w) => {
        const r1 = rows[1]?.[w.id]
        const list = (files) => (files?.length ? files.map((f) => `\`${f}\``).join(', ') : 'nothing')
        return [w.name, list(r1?.files), list(r1?.fetchedOnPointer), list(r1?.fetchedAfterClick)]
      }),
    ),
  )
  out.push('')

  out.push('## Does it work')
  out.push('')
  out.push(
    'In every measured run: no tracker request before the click, both trackers (Metrica and the VK Ads / Top.Mail.Ru counter) after «accept all». Then, once per widget and unthrottled: «reject» (no tracker request after it) and a reload after each choice (the banner stays away; after accepting both trackers load, after rejecting none).',
  )
  out.push('')
  const mark = (ok) => (ok ? '✅' : '❌')
  out.push(
    markdownTable(
      ['widget', 'banner shown', '0 trackers before the click', 'both after accept', 'none after reject', 'accept kept on reload', 'reject kept on reload', 'page errors'],
      works.map((w) => [
        w.name,
        `${mark(w.appeared === w.runs)} ${w.appeared}/${w.runs}`,
        `${mark(w.zeroBeforeClick === w.runs)} ${w.zeroBeforeClick}/${w.runs}`,
        `${mark(w.bothAfterAccept === w.runs)} ${w.bothAfterAccept}/${w.runs}`,
        `${mark(w.reject.none)} ${w.reject.detail}`,
        `${mark(w.acceptReload.ok)} ${w.acceptReload.detail}`,
        `${mark(w.rejectReload.ok)} ${w.rejectReload.detail}`,
        w.errors.length ? w.errors.map((e) => e.replace(/\|/g, '\\|').slice(0, 120)).join('; ') : 'none',
      ]),
    ),
  )
  out.push('')

  const shifted = [{ id: 'baseline', name: 'no widget (baseline)' }, { id: 'control', name: 'an empty script in `<head>` (control)' }, ...widgets].filter(
    (w) => r.shifts[w.id]?.length,
  )
  out.push('## Layout shifts')
  out.push('')
  out.push('The elements that moved in any run, both conditions, as `element before → after (score)` (boxes as x,y,width,height).')
  out.push('')
  if (!shifted.length) out.push('No layout shift in any run of any page.')
  for (const w of shifted) out.push(`- ${w.name}: ${r.shifts[w.id].slice(0, 6).map((x) => `\`${x}\``).join(', ')}`)
  out.push('')

  if (profile?.phases) {
    const { 1: one, 4: four } = profile.phases
    out.push('## Soglasie\'s script, step by step')
    out.push('')
    out.push(
      `Chromium traces (categories \`devtools.timeline\`, \`toplevel\`, \`v8\`, \`disabled-by-default-v8.compile\`) of ${profile.runs} more loads of the Soglasie page in each condition: every entry into Soglasie's code on the main thread (the script's evaluation, each callback, the dialogs file), with its CPU time (\`tdur\`), the part of it V8 spent parsing and compiling on the main thread (the file's compile hint has most functions compiled beforehand, on the thread that streams it), and its wall time; medians over the loads. The page loads a build of the sources in the tree made here with the settings of \`vite build --mode embed\` plus a source map, which names the callbacks; ${
        profile.sameAsDist
          ? 'its code is byte for byte that of dist/soglasie.js.'
          : `dist/soglasie.js is not byte for byte that build (${bytes(profile.sizes.dist)} against ${bytes(profile.sizes.minified)} characters: built from other sources, or post-processed), so these steps are of the sources as they are in the tree.`
      } Tracing adds some work of its own, so these times run somewhat higher than the script figures in the tables; read them for where the time goes.`,
    )
    out.push('')
    const labels = [...new Set([...(one?.phases ?? []), ...(four?.phases ?? [])].map((p) => p.label))]
    const find = (set, label) => set?.phases.find((p) => p.label === label)
    out.push(
      markdownTable(
        ['step', 'run by', 'CPU 1×', 'of which parse + compile', 'wall 1×', 'CPU 4×', 'wall 4×'],
        [
          ...labels.map((label) => [
            label,
            find(one, label)?.when || find(four, label)?.when || '',
            ms(find(one, label)?.cpu),
            ms(find(one, label)?.compileCpu),
            ms(find(one, label)?.wall),
            ms(find(four, label)?.cpu),
            ms(find(four, label)?.wall),
          ]),
          ['**all of Soglasie\'s script**', '', ms(one?.total.cpu), '', ms(one?.total.wall), ms(four?.total.cpu), ms(four?.total.wall)],
          ['longest task running Soglasie\'s code', '', ms(one?.longest.cpu), '', ms(one?.longest.wall), ms(four?.longest.cpu), ms(four?.longest.wall)],
          ['of it, Soglasie\'s own code', '', ms(one?.longest.own), '', '', ms(four?.longest.own), ''],
          ['long tasks (over 50 ms wall) running Soglasie\'s code, per load', '', n(one?.longTasks.ours), '', '', n(four?.longTasks.ours), ''],
          ['long tasks rendering a frame without Soglasie\'s code, per load', '', n(one?.longTasks.rendering), '', '', n(four?.longTasks.rendering), ''],
        ],
      ),
    )
    out.push('')
  }

  if (profile) {
    out.push('## Profile of Soglasie\'s startup at 4×')
    out.push('')
    out.push(
      `CDP CPU profiles (sampling every 100 µs) of ${profile.runs} more loads of the Soglasie page at 4×, from before the navigation to ${profile.quiet} ms after the banner and the load event, taken on a build like the one above but not minified, so that the profile's functions and lines are those of src/ (minifying renames and shortens; the work is the same, but an unminified script takes somewhat longer to parse). Self time is sampled on the wall clock, so it includes time the main thread waits inside a call (a synchronous IPC such as \`document.cookie\` or the first \`sessionStorage\` access) and time the busy machine takes the CPU away; the shares are what matter.`,
    )
    out.push('')
    out.push(
      `Self time in soglasie.js: ${ms(profile.total)} ms per page load (mean of ${profile.runs} loads). The functions with the most self time:`,
    )
    out.push('')
    out.push(
      markdownTable(
        ['function', 'source', 'self ms', 'share'],
        profile.byFunction.slice(0, 12).map((f) => [`\`${f.name}\``, f.where, ms(f.selfMs), `${n((f.selfMs / profile.total) * 100)} %`]),
      ),
    )
    out.push('')
    out.push('The lines with the most self time (a line\'s share is its share of the samples in its function):')
    out.push('')
    out.push(
      markdownTable(
        ['line', 'self ms', 'code'],
        profile.byLine.slice(0, 12).map((l) => [l.where, ms(l.selfMs), `\`${l.text.replace(/\|/g, '\\|').replace(/`/g, "'").slice(0, 100)}\``]),
      ),
    )
    out.push('')
    out.push('By source file:')
    out.push('')
    out.push(markdownTable(['source', 'self ms'], profile.bySource.slice(0, 10).map((s) => [s.source, ms(s.selfMs)])))
    out.push('')
    out.push(
      `Outside soglasie.js in the same loads: ${profile.other
        .slice(0, 6)
        .map((o) => `${o.name} ${ms(o.selfMs)} ms`)
        .join(', ')}.`,
    )
    out.push('')
  }

  out.push('## What is left')
  out.push('')
  out.push(...r.left)
  out.push('')

  out.push('## Machine')
  out.push('')
  out.push(markdownTable(['', ''], machine.rows))
  out.push('')
  out.push('## Method')
  out.push('')
  out.push(...method)
  out.push('')
  out.push(`The whole run took ${Math.round(elapsed / 1000)} s.`)
  out.push('')
  return out.join('\n')
}
