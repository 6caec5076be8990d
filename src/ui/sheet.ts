/** Adds CSS to a shadow root as a constructable stylesheet, which a strict CSP allows and <style> is not. */
export function adopt(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css)
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
}
