import { describe, expect, it } from 'vitest'
import { findUnreadableReason, measureText } from '../../../src/main/extract/readability'

const ENGLISH =
  'Bigtable is a distributed storage system for managing structured data that is designed to ' +
  'scale to a very large size: petabytes of data across thousands of commodity servers. Many ' +
  'projects at Google store data in Bigtable, including web indexing and Google Earth.'

/** Every letter replaced by the one before it, as a PDF font with a shifted encoding shows it. */
function shiftLetters(text: string): string {
  return text.replace(/[a-z]/gi, (c) =>
    c === 'a' || c === 'A' ? c : String.fromCharCode(c.charCodeAt(0) - 1),
  )
}

describe('findUnreadableReason', () => {
  it('accepts ordinary prose in a PDF and in a text file', () => {
    expect(findUnreadableReason(ENGLISH, true)).toBeNull()
    expect(findUnreadableReason(ENGLISH, false)).toBeNull()
  })

  it('accepts Chinese, which has no spaces between words', () => {
    const chinese =
      '公司董事会、监事会及董事、监事、高级管理人员保证季度报告内容的真实、准确、完整。'

    expect(findUnreadableReason(chinese, true)).toBeNull()
  })

  it('reports a PDF with fewer than 20 non-space characters as almost no text', () => {
    expect(findUnreadableReason('Name Check Submit 1', true)).toMatch(
      /^has almost no text \(16 characters/,
    )
  })

  it('reports a PDF whose only words are page furniture', () => {
    const footers = Array.from({ length: 15 }, (_, i) => `Page ${i + 1}/15`).join('\n')

    expect(findUnreadableReason(footers, true)).toMatch(/1 distinct words/)
  })

  it('accepts a short text file that a PDF would fail for', () => {
    expect(findUnreadableReason('Call Bob', false)).toBeNull()
  })

  it('reports base64 data as having no readable words', () => {
    const base64 = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 131) % 256)).toString(
      'base64',
    )

    expect(measureText(base64).wordShare).toBeLessThan(0.15)
    expect(findUnreadableReason(base64, false)).toMatch(/^has no readable words/)
  })

  it('reports runs of one letter far longer than any word as unreadable', () => {
    const runs = `Hello World ${'a'.repeat(400)} ${'a'.repeat(400)}`

    expect(findUnreadableReason(runs, false)).toMatch(/^has no readable words/)
  })

  it('reports Latin text whose letters are shifted as garbled', () => {
    const garbled = shiftLetters(ENGLISH.repeat(2))

    expect(measureText(garbled).vowelShare).toBeLessThan(0.2)
    expect(findUnreadableReason(garbled, true)).toMatch(/^has garbled text/)
  })

  it('leaves the vowel test out when Latin letters are few', () => {
    expect(findUnreadableReason(shiftLetters('Invoice total due'), false)).toBeNull()
  })
})
