import type { Model } from '../config/model'
import { fingerprint } from '../consent/fingerprint'
import type { Outbox } from './outbox'
import { isDraft, type Draft, type Entry, type Receipt } from './receipt'
import { sha256 } from './sha256'

/** At most this many receipts wait in one browser; past it the oldest go, loudly. */
export const OUTBOX_LIMIT = 100
const FIRST_RETRY = 2_000
const LAST_RETRY = 300_000

/**
 * Sends what the outbox holds, oldest first; a receipt leaves the outbox only when the endpoint has
 * answered 2xx. Until then it is sent again: with backoff while the page is open, when the browser is
 * back online, when the page is left (keepalive requests outlive it), and from the next page of the
 * site. Every attempt carries the same receiptId and body, so the collector stores it once.
 */
export function deliver(model: Model, outbox: Outbox): () => void {
  const endpoint = model.receipts.endpoint!
  const sending = new Set<string>()
  let delay = FIRST_RETRY
  let timer: ReturnType<typeof setTimeout> | undefined
  // Re-read before each write: another tab of the site may have changed the list meanwhile.
  const change = (edit: (entries: Entry[]) => Entry[]) => outbox.write(edit(outbox.read()))

  const send = async (entry: Entry) => {
    // Sent meanwhile by another flush or another tab: nothing to do.
    if (sending.has(entry.receiptId) || !outbox.read().some((e) => e.receiptId === entry.receiptId)) return
    sending.add(entry.receiptId)
    try {
      const receipt = isDraft(entry) ? await complete(entry, model) : entry
      change((entries) => entries.map((e) => (e.receiptId === receipt.receiptId ? receipt : e)))
      // keepalive lets a request outlive the page; browsers that refuse it (a preflight on old
      // Chromium, the 64 KB in-flight quota) get a plain request instead.
      const post = (keepalive: boolean) =>
        fetch(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(receipt),
          keepalive,
          credentials: 'omit',
        })
      const response = await post(true).catch(() => post(false))
      if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`)
      change((entries) => entries.filter((e) => e.receiptId !== receipt.receiptId))
    } finally {
      sending.delete(entry.receiptId)
    }
  }

  const flush = async () => {
    clearTimeout(timer)
    const entries = bound(outbox)
    try {
      for (const entry of entries) await send(entry)
      delay = FIRST_RETRY
    } catch (error) {
      console.warn(`[soglasie] a consent receipt is kept to be sent again: ${(error as Error).message}`)
      timer = setTimeout(flush, delay)
      delay = Math.min(delay * 2, LAST_RETRY)
    }
  }

  addEventListener('online', flush)
  // Leaving the page: no time to wait for each answer, so everything goes at once.
  addEventListener('pagehide', () => outbox.read().forEach((entry) => send(entry).catch(() => {})))
  flush()
  return flush
}

/** The receipt with its hashes, computed from the texts the draft recorded. */
async function complete(entry: Draft, model: Model): Promise<Receipt> {
  const { fingerprint: recorded, ...policy } = entry.policy
  const { markdown } = model.policy
  // The policy hash is of the text in force at the decision; if it changed before this page could
  // hash it, the receipt says so by a null rather than by a hash of a text the visitor never saw.
  const same = markdown !== undefined && recorded === fingerprint(markdown)
  return {
    ...entry,
    policy: { ...policy, sha256: same ? await sha256(markdown) : null },
    consentText: { sha256: await sha256(entry.consentText.text), language: entry.consentText.language },
  }
}

/** Keeps the outbox within its limit, telling the console and the page about every receipt dropped. */
function bound(outbox: Outbox): Entry[] {
  const entries = outbox.read()
  const dropped = entries.slice(0, Math.max(0, entries.length - OUTBOX_LIMIT))
  if (!dropped.length) return entries
  outbox.write(entries.slice(dropped.length))
  for (const receipt of dropped) {
    console.error(`[soglasie] consent receipt ${receipt.receiptId} dropped: more than ${OUTBOX_LIMIT} undelivered`)
    dispatchEvent(new CustomEvent('soglasie:receipt-dropped', { detail: receipt }))
  }
  return entries.slice(dropped.length)
}
