import { expect, test } from 'vitest'
import { truncated } from '../../collector/src/client-ip.js'

test('truncates IPv4 to its /24', () => {
  expect(truncated('203.0.113.57')).toBe('203.0.113.0')
})

test('truncates IPv6 to its /48', () => {
  expect(truncated('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::')
  expect(truncated('2001:db8::1')).toBe('2001:db8::')
  expect(truncated('2a02:6b8:0:1::feed%eth0')).toBe('2a02:6b8::')
  expect(truncated('::1')).toBe('::')
  expect(truncated('64:ff9b:1::203.0.113.5')).toBe('64:ff9b:1::')
})

test('keeps nothing of what is not an address', () => {
  expect(truncated('unknown')).toBe('')
})
