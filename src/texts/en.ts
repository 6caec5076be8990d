import type { BannerTexts, DialogTexts } from './ru'

export const en: BannerTexts = {
  bannerTitle: 'We use cookies',
  bannerText:
    '{operator} processes data about your visit with cookies and services for: {purposes}. Data is received by: {processors}. Optional cookies are set only with your consent.',
  policyLink: 'Personal data processing policy',
  consentLink: 'Consent to personal data processing',
  acceptAll: 'Accept all',
  reject: 'Reject all',
  customize: 'Customize',
  cookieButton: 'Cookies',
  necessary: 'Necessary',
  analytics: 'Analytics',
  marketing: 'Advertising',
  functional: 'Chats and widgets',
}

export const enDialogs: DialogTexts = {
  reloaded: 'The page was reloaded to stop the services you refused.',
  placeholderText: '{service} loads only with your consent: {processor} will receive data about your visit (IP address, cookies).',
  load: 'Load',
  preferencesTitle: 'Cookie settings',
  preferencesText: 'Choose what to allow. You can change your choice at any time with the "Cookie settings" link on the site.',
  alwaysOn: 'Always on',
  save: 'Save',
  rejectAll: 'Reject all',
  close: 'Close',
  processor: 'Processor',
  country: 'Country',
  purpose: 'Purpose',
  cookies: 'Cookies',
  policy: 'Policy',
  crossBorder: 'cross-border transfer',
  policyTitle: 'Personal data processing policy',
  necessaryText: 'Needed for the site to work: forms, cart, security, remembering your choice. Cannot be switched off.',
  analyticsText: 'Visit counters: how visitors find the site and what they do on it.',
  marketingText: 'Advertising pixels: showing ads to past visitors and measuring their effect.',
  functionalText: 'Online chats, call-back, quizzes and embedded third-party forms.',
}
