// From raw visits to the figures of the report: one set per visit, then medians per widget.
const FRAME = 1000 / 60

export const median = (values) => quantile(values, 0.5)

export function quantile(values, q) {
  const sorted = values.filter((v) => v !== null && v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b)
  if (!sorted.length) return null
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low)
}

/** The frame (index) whose rendering update painted at `time`: its callbacks ran before, its end after. */
const frameAt = (frames, time) =>
  time === null ? -1 : frames.findIndex((f) => f.callback <= time && f.rendered !== null && time <= f.rendered)

/**
 * One visit's figures. `size(path)` gives the served bytes of a loopback path.
 * The banner's time is the first contentful paint moved by the frames between the frame that painted
 * the FCP and the frame in which the banner was first laid out visible: 0 when they are the same frame.
 */
export function figuresOf(visit, size, origin) {
  const f = visit.figures
  const visibleFrame = f.visibleFrame === null ? null : f.frames[f.visibleFrame]
  const fcpIndex = frameAt(f.frames, f.fcpPaintTime)
  let afterFcp = null
  if (visibleFrame) {
    afterFcp = fcpIndex >= 0 ? visibleFrame.time - f.frames[fcpIndex].time : Math.max(0, visibleFrame.laidOut - f.fcpPaintTime)
  }
  const seenAt = visibleFrame ? visibleFrame.laidOut : null
  const fetched = seenAt === null ? [] : f.resources.filter((r) => r.url.startsWith(origin) && r.end <= seenAt)
  const bytes = { raw: 0, gzip: 0, brotli: 0, requests: 0, files: [] }
  for (const r of fetched) {
    const path = new URL(r.url).pathname
    const s = size(path)
    if (!s) continue // favicon.ico and the like: nothing the widget asked for
    bytes.raw += s.raw
    bytes.gzip += s.gzip
    bytes.brotli += s.brotli
    bytes.requests++
    bytes.files.push(path)
  }
  const longTasks = f.longTasks
  return {
    appeared: visit.appeared,
    fcp: f.fcp,
    fcpPaint: f.fcpPaintTime,
    visible: visibleFrame && f.fcp !== null ? f.fcp + afterFcp : null,
    afterFcp,
    afterFcpFrames: afterFcp === null ? null : Math.round(afterFcp / FRAME),
    script: visit.scriptCpuMs,
    scriptWall: visit.scriptMs,
    styleLayout: visit.styleLayoutMs,
    poll: visit.pollMs,
    longTasks: longTasks.length,
    tbt: longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    cls: f.shifts.reduce((sum, s) => sum + s.value, 0),
    shifts: f.shifts,
    bytes,
    click: visit.click?.toFirstTrackerMs ?? null,
    fetchedAfterClick: visit.click?.fetchedBefore ?? [],
    fetchedOnPointer: visit.click?.fetchedOnPointer ?? [],
    trackersBeforeClick: visit.trackersBeforeClick,
    bothAfterAccept: visit.click ? visit.click.both : null,
    errors: visit.errors,
  }
}

const pick = (runs, key) => runs.map((r) => r[key])

/** Medians (and spread) of one widget's visits in one condition. */
export function summarize(runs) {
  const stat = (key) => ({
    median: median(pick(runs, key)),
    min: quantile(pick(runs, key), 0),
    max: quantile(pick(runs, key), 1),
  })
  const bytes = runs.filter((r) => r.appeared).map((r) => r.bytes)
  return {
    runs: runs.length,
    appeared: runs.filter((r) => r.appeared).length,
    fcp: stat('fcp'),
    fcpPaint: stat('fcpPaint'),
    visible: stat('visible'),
    afterFcp: stat('afterFcp'),
    script: stat('script'),
    scriptWall: stat('scriptWall'),
    styleLayout: stat('styleLayout'),
    poll: stat('poll'),
    longTasks: stat('longTasks'),
    tbt: stat('tbt'),
    cls: stat('cls'),
    click: stat('click'),
    gzip: median(bytes.map((b) => b.gzip)),
    brotli: median(bytes.map((b) => b.brotli)),
    raw: median(bytes.map((b) => b.raw)),
    requests: median(bytes.map((b) => b.requests)),
    files: mostCommon(bytes.map((b) => b.files.join(' '))),
    fetchedAfterClick: mostCommon(runs.map((r) => r.fetchedAfterClick.join(' '))),
    fetchedOnPointer: mostCommon(runs.map((r) => r.fetchedOnPointer.join(' '))),
    zeroBeforeClick: runs.filter((r) => r.trackersBeforeClick === 0).length,
    bothAfterAccept: runs.filter((r) => r.bothAfterAccept).length,
    errors: [...new Set(runs.flatMap((r) => r.errors))],
    shiftSources: [...new Set(runs.flatMap((r) => r.shifts.flatMap((s) => s.sources.map((src) => `${src} (${s.value.toFixed(4)})`))))],
  }
}

function mostCommon(values) {
  const counts = new Map()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]?.split(' ').filter(Boolean) ?? []
}
