/**
 * Other open tabs of the site follow a change within a second. The cookie stays the only source of
 * truth: a message only tells the other tabs to read it again.
 */
export function watchOtherTabs(channelName: string, reread: () => void): () => void {
  addEventListener('visibilitychange', () => document.visibilityState === 'visible' && reread())
  const channel = new BroadcastChannel(channelName)
  channel.onmessage = reread
  return () => channel.postMessage(0)
}
