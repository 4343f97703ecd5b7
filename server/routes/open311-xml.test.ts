import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import { escapeXmlText, renderXmlDocument } from './open311-xml.ts'

describe('escapeXmlText', () => {
  test('drops every character XML 1.0 forbids and keeps tab, newline and everything from U+0020 up', () => {
    const controls = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('')
    expect(escapeXmlText(`${controls}ok`)).toBe('\t\n&#13;ok')
    expect(escapeXmlText('a\uFFFEb\uFFFFc\uFFFDd')).toBe('abc\uFFFDd')
  })

  test('drops lone surrogates and keeps a proper pair', () => {
    expect(escapeXmlText('x\uD800y\uDC00z\uD83D\uDE00')).toBe('xyz\u{1F600}')
  })

  test('escapes markup, and a carriage return so a parser does not turn it into a newline', () => {
    expect(escapeXmlText('a & b < c > d\r\n')).toBe('a &amp; b &lt; c &gt; d&#13;\n')
  })

  test('returns an empty string for empty input', () => {
    expect(escapeXmlText('')).toBe('')
  })
})

describe('renderXmlDocument', () => {
  test('renders fields as elements, arrays as repeated elements, null and empty objects as empty elements', () => {
    const xml = renderXmlDocument('service_requests', { request: [{ id: 'I1', lat: 30.5, ok: true, media_url: null }, { id: 'I2', lat: 0, ok: false, media_url: null }], attributes: {} })
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_requests><request><id>I1</id><lat>30.5</lat><ok>true</ok><media_url/></request><request><id>I2</id><lat>0</lat><ok>false</ok><media_url/></request><attributes/></service_requests>',
    )
  })

  test('renders an empty list as an empty root', () => {
    const xml = renderXmlDocument('service_requests', { request: [] })
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?><service_requests></service_requests>')
    expect(XMLValidator.validate(xml)).toBe(true)
  })

  test('keeps a hostile text well-formed and readable back as the text minus forbidden characters', () => {
    const xml = renderXmlDocument('r', { d: ']]></d><x>\u0000&amp;\u0007<!-- -->' })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(new XMLParser({ htmlEntities: true }).parse(xml)).toMatchObject({ r: { d: ']]></d><x>&amp;<!-- -->' } })
  })

  test('throws for an element name XML does not allow, a caller bug', () => {
    expect(() => renderXmlDocument('r', { 'a b': 'x' })).toThrow(/not an XML element name/)
  })

  test('does not mutate its input', () => {
    const content = { request: [{ id: 'I1' }] }
    renderXmlDocument('r', content)
    expect(content).toEqual({ request: [{ id: 'I1' }] })
  })
})
