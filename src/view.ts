import { atom } from 'nanostores'

/** Which part of the interface is open. The UI renders it; the API and links change it. */
export type View = 'banner' | 'preferences' | 'policy' | null

export const $view = atom<View>(null)
