import type { ReadableAtom } from 'nanostores'
import { useEffect, useState } from 'preact/hooks'

/** The store's value; the component renders again when it changes (what @nanostores/preact does). */
export function useStore<T>(store: ReadableAtom<T>): T {
  const [, rerender] = useState({})
  const value = store.get()
  useEffect(() => {
    const stop = store.listen(() => rerender({}))
    // A change between the render and this effect would otherwise be missed.
    if (store.get() !== value) rerender({})
    return stop
  }, [store])
  return value
}
