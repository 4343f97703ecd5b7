import { describe, expect, test } from 'vitest'
import { csvCell } from './csv.ts'

describe('csvCell', () => {
  test('quotes what RFC 4180 needs quoted, and nothing else', () => {
    expect(csvCell('人民南路')).toBe('人民南路')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })

  test('text a spreadsheet would run as a formula is written as text; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`)
    expect(csvCell('+86 138')).toBe("'+86 138")
    expect(csvCell('-1+1')).toBe("'-1+1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell(-3.5)).toBe('-3.5')
    expect(csvCell(0)).toBe('0')
    expect(csvCell(true)).toBe('true')
  })
})
