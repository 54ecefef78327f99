import { takeTickets } from './tokenInput'

const A = 'LLW1.act-1.k3j9x0p2qa.' + 'A'.repeat(86)
const B = 'LLW1.act-1.m4n8y1r3zb.' + 'B'.repeat(86)

describe('takeTickets', () => {
  test('a ticket still being typed stays in the box', () => {
    expect(takeTickets(A.slice(0, 40), false)).toEqual({ tokens: [], rest: A.slice(0, 40) })
  })

  test('Enter after a ticket hands it over and leaves the box empty', () => {
    expect(takeTickets(`${A}\n`, false)).toEqual({ tokens: [A], rest: '' })
  })

  test('a scanner typing the next ticket before the box was cleared: both judged separately', () => {
    expect(takeTickets(`${A}\n${B}\n`, false)).toEqual({ tokens: [A, B], rest: '' })
    expect(takeTickets(`${A}\r\n${B.slice(0, 10)}`, false)).toEqual({ tokens: [A], rest: B.slice(0, 10) })
  })

  test('a ticket appended to an old one without a line break is split at its prefix', () => {
    expect(takeTickets(`${A}${B}`, true)).toEqual({ tokens: [A, B], rest: '' })
    expect(takeTickets(`${A}${B.slice(0, 12)}`, false)).toEqual({ tokens: [A], rest: B.slice(0, 12) })
  })

  test('the button takes the unfinished rest as a ticket; blank lines and spaces are dropped', () => {
    expect(takeTickets(`  ${A}  `, true)).toEqual({ tokens: [A], rest: '' })
    expect(takeTickets('\n\n  \n', false)).toEqual({ tokens: [], rest: '' })
  })

  test('text that is not a ticket is still handed over, so the door says why it was refused', () => {
    expect(takeTickets('hello\n', false)).toEqual({ tokens: ['hello'], rest: '' })
  })
})
