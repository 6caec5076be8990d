import { Component, createRef, type ComponentChildren } from 'preact'

interface Props {
  labelledBy: string
  close: () => void
  children: ComponentChildren
}

/**
 * A native modal <dialog>: the browser makes the page behind inert, puts it in the top layer above any
 * z-index a host page uses, and returns focus to where it was when it closes. Tab past the last control
 * would leave for the browser's own toolbar, so the dialog wraps focus itself.
 * A class component: Preact's core has it, so no hooks module is shipped for one mount/unmount pair.
 */
export class Modal extends Component<Props> {
  dialog = createRef<HTMLDialogElement>()

  override componentDidMount(): void {
    this.dialog.current!.showModal()
  }

  override componentWillUnmount(): void {
    this.dialog.current!.close()
  }

  render({ labelledBy, close, children }: Props) {
    return (
      <dialog
        ref={this.dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        class="dialog"
        // Escape: close through the store so state and screen agree.
        onCancel={(event) => {
          event.preventDefault()
          close()
        }}
        onKeyDown={wrapFocus}
      >
        {children}
      </dialog>
    )
  }
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex="0"]'

function wrapFocus(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return
  const dialog = event.currentTarget as HTMLDialogElement
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)]
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  const active = (dialog.getRootNode() as ShadowRoot).activeElement
  const target = event.shiftKey ? (active === first ? last : null) : active === last ? first : null
  if (!target) return
  event.preventDefault()
  target.focus()
}

export function Header({ id, title, close, label }: { id: string; title: string; close: () => void; label: string }) {
  return (
    <header>
      <h2 id={id}>{title}</h2>
      <button type="button" class="close" aria-label={label} onClick={close}>
        ×
      </button>
    </header>
  )
}
