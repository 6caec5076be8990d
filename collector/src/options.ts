import { IP_POLICIES, type IpPolicy } from './client-ip.js'
import { normalOrigin, type Origins } from './http/cors.js'
import { DURABILITIES, type Durability } from './store/store.js'

export interface CollectorOptions {
  /** A SQLite file path, ':memory:', or a postgres:// URL. Default ':memory:'. */
  store?: string
  /** Default 0: any free port (read it back from `Collector.url`). */
  port?: number
  /** Default '127.0.0.1'. */
  host?: string
  /** Sites whose browsers may POST receipts, like 'https://www.example.ru', or '*'. Default none. */
  allowedOrigins?: readonly string[] | '*'
  /** Bearer token for reading receipts; without one, reading is off (403). At least 16 characters. */
  token?: string
  /** How much of the client's IP address to keep. Default 'full'. */
  clientIp?: IpPolicy
  /** Take the client IP from the last X-Forwarded-For entry (behind nginx). Default false. */
  trustProxy?: boolean
  /** Largest receipt body in bytes. Default 16 384. */
  bodyLimit?: number
  /** 'flush' (default): answer once the receipt is on disk; 'commit': once committed (see store.ts). */
  durability?: Durability
  /** How long a write waits for the database lock before answering 503. Default 5 000 ms. */
  lockTimeoutMs?: number
  /** Where problems are reported. Default: stderr. */
  log?: (message: string) => void
}

export interface Settings {
  store: string
  port: number
  host: string
  origins: Origins
  token: string | undefined
  clientIp: IpPolicy
  trustProxy: boolean
  bodyLimit: number
  durability: Durability
  lockTimeoutMs: number
  log: (message: string) => void
}

/** The options with defaults filled in; throws with the option's name on a bad value. */
export function settle(options: CollectorOptions): Settings {
  const { token, clientIp = 'full', bodyLimit = 16_384, durability = 'flush', lockTimeoutMs = 5_000 } = options
  if (token !== undefined && token.length < 16) throw new Error('token: expected at least 16 characters')
  if (!IP_POLICIES.includes(clientIp)) throw new Error(`clientIp: expected one of ${IP_POLICIES.join(', ')}`)
  if (!(Number.isSafeInteger(bodyLimit) && bodyLimit > 0)) throw new Error('bodyLimit: expected a positive number of bytes')
  if (!DURABILITIES.includes(durability)) throw new Error(`durability: expected one of ${DURABILITIES.join(', ')}`)
  if (!(lockTimeoutMs > 0)) throw new Error('lockTimeoutMs: expected a positive number of milliseconds')
  return {
    store: options.store ?? ':memory:',
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    origins: options.allowedOrigins === '*' ? '*' : (options.allowedOrigins ?? []).map(normalOrigin),
    token,
    clientIp,
    trustProxy: options.trustProxy ?? false,
    bodyLimit,
    durability,
    lockTimeoutMs,
    log: options.log ?? ((message) => console.error(`soglasie-collector: ${message}`)),
  }
}
