import { Component, createRef, type ComponentChildren } from 'preact'

interface Props {
  labelledBy: string
  close: () => void
  children: ComponentChildren
}

/**
 * A native modal <dialog>: the browser keeps focus inside it, makes the page behind inert, puts it in the
 * top layer above any z-index a host page uses, and returns focus to where it was when it closes.
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
      >
        {children}
      </dialog>
    )
  }
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
