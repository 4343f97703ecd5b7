import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { isValidUtf8, normalizeEncoding, sniffEncoding } from './text-encoding.ts'

describe('sniffEncoding', () => {
  it('reads byte-order marks, then tells UTF-8 from GBK by validity', () => {
    expect(sniffEncoding(Buffer.from('\uFEFFid,名称', 'utf8'), false)).toBe('utf-8')
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]), false)).toBe('utf-16le')
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41]), false)).toBe('utf-16be')
    expect(sniffEncoding(Buffer.from('id,name\nL1,x\n'), false)).toBe('utf-8') // ASCII: either reading is the same
    expect(sniffEncoding(Buffer.from('编号,名称\n'), false)).toBe('utf-8')
    expect(sniffEncoding(iconv.encode('编号,名称\n', 'gbk'), false)).toBe('gb18030')
  })

  it('accepts a UTF-8 character cut off at the end of the sniffed prefix only when it is a prefix', () => {
    const cut = Buffer.from('路灯', 'utf8').subarray(0, 4) // 路 and the first byte of 灯
    expect(isValidUtf8(cut, true)).toBe(true)
    expect(isValidUtf8(cut, false)).toBe(false)
    expect(sniffEncoding(cut, true)).toBe('utf-8')
  })
})

describe('normalizeEncoding', () => {
  it('maps the names users and .cpg files write onto iconv-lite encodings', () => {
    expect(normalizeEncoding('UTF8')).toBe('utf-8')
    expect(normalizeEncoding(' GBK ')).toBe('gb18030')
    expect(normalizeEncoding('gb2312')).toBe('gb18030')
    expect(normalizeEncoding('936')).toBe('gb18030')
    expect(normalizeEncoding('CP936')).toBe('gb18030')
    expect(normalizeEncoding('65001')).toBe('utf-8')
    expect(normalizeEncoding('ANSI 1252')).toBe('cp1252')
    expect(normalizeEncoding('big5')).toBe('big5')
    expect(normalizeEncoding('System')).toBeNull()
  })
})
