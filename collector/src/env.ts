import { fileURLToPath } from 'node:url'
import { IP_POLICIES, type IpPolicy } from './client-ip.js'
import type { CollectorOptions } from './options.js'
import { DURABILITIES, type Durability } from './store/store.js'

/** Next to the compiled service: collector/data/receipts.db, wherever it is started from. */
const DEFAULT_SQLITE = fileURLToPath(new URL('../data/receipts.db', import.meta.url))

/**
 * The collector's options from environment variables (collector/README.md lists them). Throws naming
 * the variable when one is wrong, so the service refuses to start rather than run misconfigured.
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): CollectorOptions {
  const origins = env.ALLOWED_ORIGINS?.trim()
  if (!origins) {
    throw new Error('ALLOWED_ORIGINS: expected the sites that send receipts, like https://www.example.ru,https://example.ru (or *)')
  }
  if (env.TOKEN && env.TOKEN.length < 16) throw new Error('TOKEN: expected at least 16 characters, like `openssl rand -hex 24`')
  const clientIp = env.CLIENT_IP ?? 'full'
  if (!IP_POLICIES.includes(clientIp as IpPolicy)) throw new Error(`CLIENT_IP: expected one of ${IP_POLICIES.join(', ')}`)
  const durability = env.DURABILITY || 'flush'
  if (!DURABILITIES.includes(durability as Durability)) {
    throw new Error(`DURABILITY: expected one of ${DURABILITIES.join(', ')}`)
  }
  return {
    store: env.DATABASE_URL || env.SQLITE_PATH || DEFAULT_SQLITE,
    port: integer(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    allowedOrigins: origins === '*' ? '*' : origins.split(',').map((origin) => origin.trim()).filter(Boolean),
    token: env.TOKEN || undefined,
    clientIp: clientIp as IpPolicy,
    trustProxy: flag(env, 'TRUST_PROXY'),
    bodyLimit: integer(env, 'BODY_LIMIT', 16_384),
    durability: durability as Durability,
    lockTimeoutMs: integer(env, 'LOCK_TIMEOUT_MS', 5_000),
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]
  if (!text) return fallback
  if (!/^\d+$/.test(text)) throw new Error(`${name}: expected a whole number, got ${JSON.stringify(text)}`)
  return Number(text)
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = (env[name] ?? '').toLowerCase()
  if (['', '0', 'false', 'no'].includes(text)) return false
  if (['1', 'true', 'yes'].includes(text)) return true
  throw new Error(`${name}: expected 1 or 0, got ${JSON.stringify(env[name])}`)
}
