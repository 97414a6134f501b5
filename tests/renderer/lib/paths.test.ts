import { describe, expect, it } from 'vitest'
import { baseName, exampleFolder, parentFolder } from '../../../src/renderer/src/lib/paths'

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

  it('writes an example folder the way the OS of the sorted computer does', () => {
    expect(exampleFolder('linux', ['Downloads'])).toBe('/home/me/Downloads')
    expect(exampleFolder('win32', ['Documents', '发票'])).toBe('C:\\Users\\me\\Documents\\发票')
    expect(exampleFolder('darwin', ['Documents', 'Invoices'])).toBe('/Users/me/Documents/Invoices')
  })

  it('uses a Linux home for an example folder on other or unknown systems', () => {
    expect(exampleFolder('freebsd', ['Downloads'])).toBe('/home/me/Downloads')
    expect(exampleFolder('', ['Documents'])).toBe('/home/me/Documents')
  })
})
