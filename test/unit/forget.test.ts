import { expect, test } from 'vitest'
import { forget, like } from '../../src/services/forget'

test('cookie patterns: * stands for any run, the rest is literal', () => {
  expect(like('_ym_uid', '_ym_*')).toBe(true)
  expect(like('_ym', '_ym_*')).toBe(false)
  expect(like('_ga_ABC', '_ga_*')).toBe(true)
  expect(like('_ga', '_ga')).toBe(true)
  expect(like('x_ga', '_ga')).toBe(false)
  expect(like('a.b', 'a.b')).toBe(true)
  expect(like('axb', 'a.b')).toBe(false)
})

test('clears matching storage keys and leaves the rest', () => {
  localStorage.setItem('_ym_uid', '1')
  localStorage.setItem('_ym123_lsid', '1')
  localStorage.setItem('zz', '1')
  localStorage.setItem('cart', '1')
  sessionStorage.setItem('_ym_debugger_state', '1')
  forget([], ['_ym*', 'zz'])
  expect(Object.keys(localStorage)).toEqual(['cart'])
  expect(Object.keys(sessionStorage)).toEqual([])
})

test('deletes matching host cookies and keeps the others', () => {
  document.cookie = '_ym_uid=1; path=/'
  document.cookie = 'session=2; path=/'
  forget(['_ym_*'], [])
  expect(document.cookie).toBe('session=2')
})
