import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

// Runs in the worker, as plain JavaScript from any module system (hence the dynamic imports). Its own
// connection copies the log into the database file and flushes that, over and over while the log
// grows, then rests. A PASSIVE checkpoint never waits for the writer, and the writer never waits for it.
const WORKER = `(async () => {
  const { workerData, parentPort } = await import('node:worker_threads')
  const { default: Database } = await import(workerData.driver)
  const db = new Database(workerData.path)
  let stopping = false
  parentPort.once('message', () => (stopping = true))
  while (!stopping) {
    let done = true
    try {
      const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)')
      done = log === checkpointed
    } catch {
      // Busy now: the next round tries again, and the writer's own checkpoints are the backstop.
    }
    await new Promise((resolve) => setTimeout(resolve, done ? workerData.restMs : 1))
  }
  db.close()
})()`

/**
 * Checkpoints the SQLite log from a worker thread. The writing connection would otherwise copy a
 * thousand pages into the database file and flush it inside a commit, every few thousand receipts,
 * and the event loop would stall for that, every request in flight with it. The writer still
 * checkpoints past `WRITER_CHECKPOINT_PAGES` of log, which resets the log; by then the worker has
 * copied and flushed nearly all of it, so that checkpoint is short.
 */
export function startCheckpointer(path: string, log: (message: string) => void, restMs = 50): { stop(): Promise<void> } {
  const driver = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, path, restMs } })
  worker.unref()
  // Without it, the writer checkpoints everything itself again: slower, not wrong.
  worker.on('error', (error) => log(`the SQLite checkpointer stopped: ${error.message}`))
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return {
    stop() {
      worker.postMessage('stop')
      return exited
    },
  }
}

/** 16 MB of 4 KB pages: the log's size before the writer checkpoints itself (SQLite's default is 1 000). */
export const WRITER_CHECKPOINT_PAGES = 4000
