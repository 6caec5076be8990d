import { atom } from 'nanostores'

/** Whether the banner shows. It opens at start for an undecided visitor and closes on a decision. */
export const $banner = atom(false)

export type Dialog = 'preferences' | 'policy' | null

/** The open dialog, if any. The UI renders it; the API and links on the page change it. */
export const $dialog = atom<Dialog>(null)
