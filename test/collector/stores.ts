import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { inject } from 'vitest'

/** A fresh, empty database for one test, and a way in that bypasses the collector (to tamper with it). */
export interface TestDatabase {
  /** The collector's `store` option (and what main.ts reads from DATABASE_URL or SQLITE_PATH). */
  store: string
  env: Record<string, string>
  /** Runs SQL on the receipts table directly, as someone with access to the database could. */
  sql(statement: string): Promise<void>
  /** Holds the write lock the collector needs until the returned function is called. */
  lock(): Promise<() => Promise<void>>
  drop(): Promise<void>
}

export interface TestStore {
  name: 'sqlite' | 'postgres'
  fresh(): Promise<TestDatabase>
}

const sqlite: TestStore = {
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'soglasie-collector-'))
    const file = join(dir, 'receipts.db')
    const open = () => new Database(file)
    return {
      store: file,
      env: { SQLITE_PATH: file },
      async sql(statement) {
        const db = open()
        db.exec(statement)
        db.close()
      },
      async lock() {
        const db = open()
        db.exec('BEGIN IMMEDIATE')
        return async () => {
          db.exec('ROLLBACK')
          db.close()
        }
      },
      async drop() {
        rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}

/** Each test gets its own schema; the collector reaches it through the URL's search_path. */
const postgres: TestStore = {
  name: 'postgres',
  async fresh() {
    const provided = inject('postgres')
    if (provided.error !== undefined) throw new Error(provided.error)
    const schema = `t_${Math.random().toString(36).slice(2, 12)}`
    const admin = new pg.Client(provided.url)
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    const separator = provided.url.includes('?') ? '&' : '?'
    const url = `${provided.url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    const connected = async () => {
      const client = new pg.Client(url)
      await client.connect()
      return client
    }
    return {
      store: url,
      env: { DATABASE_URL: url },
      async sql(statement) {
        const client = await connected()
        await client.query(statement)
        await client.end()
      },
      async lock() {
        const client = await connected()
        await client.query("BEGIN; SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.receipts'))")
        return async () => {
          await client.query('ROLLBACK')
          await client.end()
        }
      },
      async drop() {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`)
        await admin.end()
      },
    }
  },
}

export const STORES: readonly TestStore[] = [sqlite, postgres]
