// The XML side of Open311 GeoReport v2: a root element, one child element per field, lists as repeated elements
// (<service_requests><request>…</request>…</service_requests>). Whatever a citizen typed, the document stays
// well-formed: characters XML 1.0 forbids are dropped here, at serialisation, so one stored report with a stray
// control character cannot break the whole feed for every consumer — even if intake let it through.

/** A field value: text, a nested element (object), or — as an array — the same element repeated. */
export type XmlValue = string | number | boolean | null | readonly XmlValue[] | { readonly [name: string]: XmlValue }

// XML 1.0 §2.2 Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. With the `u` flag a
// lone surrogate is one code point outside these ranges, so it is dropped too, while a proper pair is kept.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/

/** Text safe for element content: forbidden characters dropped, markup escaped. */
export function escapeXmlText(text: string): string {
  return (
    text
      .replace(NOT_XML_CHAR, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A parser turns a literal CR into LF (XML 1.0 §2.11); the reference keeps the description as stored.
      .replace(/\r/g, '&#13;')
  )
}

function renderElement(name: string, value: XmlValue): string {
  if (!NAME.test(name)) throw new Error(`"${name}" is not an XML element name`)
  if (Array.isArray(value)) return value.map((item: XmlValue) => renderElement(name, item)).join('')
  if (value === null) return `<${name}/>`
  if (typeof value === 'object') {
    const children = Object.entries(value as { readonly [name: string]: XmlValue }).map(([k, v]) => renderElement(k, v))
    return children.length === 0 ? `<${name}/>` : `<${name}>${children.join('')}</${name}>`
  }
  return `<${name}>${escapeXmlText(String(value))}</${name}>`
}

/** A whole document: the UTF-8 declaration the spec requires, then `root` holding `content`'s fields as elements. */
export function renderXmlDocument(root: string, content: { readonly [name: string]: XmlValue }): string {
  return `<?xml version="1.0" encoding="utf-8"?>${renderElement(root, content)}`
}
