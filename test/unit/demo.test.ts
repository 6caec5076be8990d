import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { validate } from '../../src/config/validate'
import { presets } from '../../src/presets/index'

const config = JSON.parse(readFileSync('demo/soglasie.config.json', 'utf8'))

test('the demo config is valid, preset options included', () => {
  expect(validate(config)).toEqual([])
  const problems = Object.entries(config.services as Record<string, { preset?: keyof typeof presets; options?: Record<string, unknown> }>)
    .flatMap(([id, s]) => (s.preset ? presets[s.preset].check(s.options ?? {}).map((p) => `${id}: ${p}`) : []))
  expect(problems).toEqual([])
})

test('the demo discloses the 14 processors of the policy’s Appendix 1', () => {
  const names = new Set(Object.values(config.services as Record<string, { processor?: { name: string } }>).map((s) => s.processor?.name))
  expect(names.size).toBe(14)
})
