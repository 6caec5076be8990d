/** Adds CSS to a shadow root as a constructable stylesheet, which a strict CSP allows and <style> is not. */
export function adopt(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  } catch {
    // Browsers before constructable stylesheets (Safari < 16.4).
    const style = document.createElement('style')
    style.textContent = css
    root.prepend(style)
  }
}
