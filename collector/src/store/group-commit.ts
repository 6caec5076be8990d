/**
 * Commits the receipts that arrive together in one transaction. Durability costs a disk flush a commit,
 * from half a millisecond on a quiet disk to ten on a busy one; a flush per receipt would cap the
 * collector there, a flush per batch does not. Each caller still hears back only after its own batch
 * is committed.
 *
 * Up to `overlap` batches may be committing at once: the next batch need not wait for the previous
 * one's flush (SQLite), so a slow flush holds back only the receipts it covers. With `overlap: 1` a
 * batch starts only after the previous one finished (PostgreSQL, whose commits wait for one another).
 */
export function groupCommit<T, R>(commit: (batch: T[]) => Promise<R[]>, { overlap = 1, maxBatch = 500 } = {}) {
  type Waiting = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }
  const queue: Waiting[] = []
  const committing = new Set<Promise<void>>()
  let draining = false

  async function drain(): Promise<void> {
    draining = true
    // One tick's arrivals make a batch.
    await new Promise((resolve) => setImmediate(resolve))
    while (queue.length) {
      const batch = queue.splice(0, maxBatch)
      const done = commit(batch.map((waiting) => waiting.item)).then(
        (results) => batch.forEach((waiting, i) => waiting.resolve(results[i]!)),
        (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
      )
      committing.add(done)
      void done.then(() => committing.delete(done))
      // Whatever arrives while this waits makes the next batch.
      if (committing.size >= overlap) await Promise.race(committing)
    }
    draining = false
  }

  return {
    add(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject })
        if (!draining) void drain()
      })
    },
    /** Resolves when everything added so far is committed (or failed). */
    async settled(): Promise<void> {
      while (draining || committing.size) {
        await Promise.all(committing)
        // A drain that is waiting for its tick starts its batch now.
        await new Promise((resolve) => setImmediate(resolve))
      }
    },
  }
}
