import type { Model } from '../../config/model'
import type { Texts } from '../../texts/ru'
import { Markdown } from './markdown'
import { Header, Modal } from './modal'

export function Policy({ model, texts, close }: { model: Model; texts: Texts; close: () => void }) {
  return (
    <Modal labelledBy="sg-policy-title" close={close}>
      <div class="panel">
        <Header id="sg-policy-title" title={texts.policyTitle} close={close} label={texts.close} />
        {/* Focusable so keyboard users can scroll a long text. */}
        <div class="scroll policy" tabIndex={0}>
          <Markdown text={model.policy.markdown ?? ''} />
        </div>
      </div>
    </Modal>
  )
}
