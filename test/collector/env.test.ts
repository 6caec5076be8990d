import { expect, test } from 'vitest'
import { optionsFromEnv } from '../../collector/src/env.js'

const origins = { ALLOWED_ORIGINS: 'https://www.example.ru, https://example.ru' }

test('reads the documented variables', () => {
  const options = optionsFromEnv({
    ...origins,
    PORT: '9000',
    HOST: '0.0.0.0',
    SQLITE_PATH: '/data/receipts.db',
    TOKEN: 'x'.repeat(16),
    CLIENT_IP: 'truncated',
    TRUST_PROXY: '1',
    BODY_LIMIT: '8192',
    DURABILITY: 'commit',
    LOCK_TIMEOUT_MS: '1000',
  })
  expect(options).toEqual({
    store: '/data/receipts.db',
    port: 9000,
    host: '0.0.0.0',
    allowedOrigins: ['https://www.example.ru', 'https://example.ru'],
    token: 'x'.repeat(16),
    clientIp: 'truncated',
    trustProxy: true,
    bodyLimit: 8192,
    durability: 'commit',
    lockTimeoutMs: 1000,
  })
})

test('DATABASE_URL wins over SQLITE_PATH; the default file sits in collector/data', () => {
  expect(optionsFromEnv({ ...origins, DATABASE_URL: 'postgres://a@b/c', SQLITE_PATH: 'x.db' }).store).toBe('postgres://a@b/c')
  expect(optionsFromEnv(origins).store).toMatch(/collector\/data\/receipts\.db$/)
  expect(optionsFromEnv({ ALLOWED_ORIGINS: '*' }).allowedOrigins).toBe('*')
})

test('refuses to start misconfigured, naming the variable', () => {
  expect(() => optionsFromEnv({})).toThrow(/^ALLOWED_ORIGINS: expected/)
  expect(() => optionsFromEnv({ ...origins, PORT: 'eighty' })).toThrow('PORT: expected a whole number, got "eighty"')
  expect(() => optionsFromEnv({ ...origins, CLIENT_IP: 'partial' })).toThrow('CLIENT_IP: expected one of full, truncated, none')
  expect(() => optionsFromEnv({ ...origins, TRUST_PROXY: 'maybe' })).toThrow('TRUST_PROXY: expected 1 or 0, got "maybe"')
  expect(() => optionsFromEnv({ ...origins, TOKEN: 'short' })).toThrow(/^TOKEN: expected at least 16 characters/)
  expect(() => optionsFromEnv({ ...origins, DURABILITY: 'fsync' })).toThrow('DURABILITY: expected one of flush, commit')
})
