import type { ComponentChildren, VNode } from 'preact'

// A small Markdown subset for policies: headings, paragraphs, lists, tables, bold, italics, links.
// It builds elements, never an HTML string, so nothing in the text can become markup or script;
// links keep only http(s), mailto: and tel: targets and site paths.

const SAFE_URL = /^(https?:|mailto:|tel:|\/|#)/i

export function Markdown({ text }: { text: string }) {
  return <>{blocks(text)}</>
}

function blocks(text: string): VNode[] {
  const out: VNode[] = []
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (!line.trim()) {
      i++
    } else if (heading) {
      // The dialog's own title is an h2, so the policy's levels start below it.
      const Tag = `h${Math.min(heading[1]!.length + 2, 6)}` as 'h3'
      out.push(<Tag>{inline(heading[2]!)}</Tag>)
      i++
    } else if (/^\s*\|/.test(line)) {
      const rows: string[][] = []
      for (; i < lines.length && /^\s*\|/.test(lines[i]!); i++) {
        const cells = lines[i]!.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim())
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells)
      }
      const [head = [], ...body] = rows
      out.push(
        <div class="table">
          <table>
            <thead>
              <tr>{head.map((cell) => <th scope="col">{inline(cell)}</th>)}</tr>
            </thead>
            <tbody>
              {body.map((row) => (
                <tr>{row.map((cell) => <td>{inline(cell)}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>,
      )
    } else if (/^\s*([-*+]|\d+\.)\s/.test(line)) {
      const ordered = /^\s*\d/.test(line)
      const items: ComponentChildren[] = []
      for (; i < lines.length && /^\s*([-*+]|\d+\.)\s/.test(lines[i]!); i++) {
        items.push(<li>{inline(lines[i]!.replace(/^\s*([-*+]|\d+\.)\s+/, ''))}</li>)
      }
      out.push(ordered ? <ol>{items}</ol> : <ul>{items}</ul>)
    } else {
      const paragraph: string[] = []
      for (; i < lines.length && lines[i]!.trim() && !/^(#{1,6}\s|\s*\||\s*([-*+]|\d+\.)\s)/.test(lines[i]!); i++) {
        paragraph.push(lines[i]!.trim())
      }
      out.push(<p>{inline(paragraph.join(' '))}</p>)
    }
  }
  return out
}

// No `_emphasis_`: underscores inside words (cookie names like _ym_uid) are common in policies.
const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)|<((?:https?:|mailto:)[^>\s]+)>/g

export function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = []
  let last = 0
  for (const match of text.matchAll(INLINE)) {
    out.push(text.slice(last, match.index))
    const [, bold, em, label, href, auto] = match
    if (bold) out.push(<strong>{inline(bold)}</strong>)
    else if (em) out.push(<em>{inline(em)}</em>)
    else out.push(link(href ?? auto!, label ? inline(label) : auto))
    last = match.index! + match[0].length
  }
  out.push(text.slice(last))
  return out
}

function link(href: string, children: ComponentChildren) {
  if (!SAFE_URL.test(href)) return children
  return (
    <a href={href} target={href.startsWith('#') ? undefined : '_blank'} rel="noopener">
      {children}
    </a>
  )
}
