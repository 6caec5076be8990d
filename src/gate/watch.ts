/**
 * Calls `found` with each element the page's parser adds (the top of each added subtree), at the next
 * microtask checkpoint: the parser makes one before it runs a script it has just added.
 *
 * Only the parser's open elements are observed (the chain of last children), not the whole tree: with
 * a subtree observer Chromium makes a record for every node the parser adds, which slows a page of
 * thousands of elements more than the widget's own script does, and can push the parser past its time
 * slice in the middle of the first screen (a half-parsed first paint, then a layout shift). A node the
 * parser adds goes into an open element, or into a new element that went into one, so a record is
 * waiting at every `</script>`; after each batch the new chain is observed too. After the parse it
 * still follows the chain, which sees what scripts add there. Not seen: what other code adds deeper
 * (auto-blocking does not need it: a script that a script inserts has run already, or the patched
 * setters held it) and a document replaced by a late document.write (its tracker URLs are renamed, so
 * nothing loads, but those elements are not held for release).
 */
export function watchParsed(found: (element: Element) => void): MutationObserver {
  const follow = () => {
    for (let node: Element | null = document.documentElement; node; node = node.lastElementChild) {
      observer.observe(node, { childList: true })
    }
  }
  const observer = new MutationObserver((records) => {
    for (const { addedNodes } of records) for (const node of addedNodes) if (node instanceof Element) found(node)
    follow()
  })
  follow()
  return observer
}
