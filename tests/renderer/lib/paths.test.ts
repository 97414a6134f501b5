import { describe, expect, it } from 'vitest'
import { baseName, parentFolder } from '../../../src/renderer/src/lib/paths'

describe('paths', () => {
  it('splits POSIX and Windows paths', () => {
    expect(baseName('/Users/lin/Documents/发票/a b.pdf')).toBe('a b.pdf')
    expect(baseName('C:\\Users\\lin\\Downloads\\x.docx')).toBe('x.docx')
    expect(parentFolder('/Users/lin/Documents/Tax/x.pdf')).toBe('/Users/lin/Documents/Tax')
    expect(parentFolder('C:\\Users\\lin\\x.pdf')).toBe('C:\\Users\\lin')
  })

  it('ignores a trailing separator and keeps the root', () => {
    expect(baseName('/Users/lin/Downloads/')).toBe('Downloads')
    expect(parentFolder('/x.pdf')).toBe('/')
    expect(parentFolder('x.pdf')).toBe('')
  })
})
