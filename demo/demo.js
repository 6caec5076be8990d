// Shows the consent and what the gate released, so the core can be watched working.
window.demoLog = (text) => {
  document.getElementById('log').textContent += `${new Date().toLocaleTimeString()}  ${text}\n`
}
const show = () => {
  document.getElementById('consent').textContent = JSON.stringify(window.Soglasie?.getConsent())
}
for (const button of document.querySelectorAll('[data-action]')) {
  button.addEventListener('click', () => window.Soglasie[button.dataset.action]())
}
addEventListener('soglasie:change', show)
show()
