import type { IncomingMessage } from 'node:http'

/**
 * The request body, or `undefined` once it passes `limit` bytes: the rest is never read, so an endless
 * upload costs the collector nothing. Declared lengths over the limit are refused before reading.
 * `null` when the client went away before the end: there is no one to answer.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined | null> {
  if (Number(request.headers['content-length']) > limit) return Promise.resolve(undefined)
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (result: Buffer | undefined | null) => {
      request.off('data', onData).off('end', onEnd).off('close', onClose)
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      request.pause()
      done(undefined)
    }
    const onEnd = () => done(Buffer.concat(chunks, size))
    const onClose = () => done(null)
    // The 'error' listener stays: an aborted request may emit one after we are done reading.
    request.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose)
  })
}
