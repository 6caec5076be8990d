/**
 * Other open tabs of the site follow a change within a second. The cookie stays the only source of
 * truth: a message only tells the other tabs to read it again.
 */
export function watchOtherTabs(channelName: string, reread: () => void): () => void {
  addEventListener('visibilitychange', () => document.visibilityState === 'visible' && reread())
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(channelName)
    channel.onmessage = reread
    return () => channel.postMessage(0)
  }
  // No BroadcastChannel (old Safari): the cookie is cheap to read, so poll it.
  setInterval(reread, 1000)
  return () => {}
}
