// The text of a PDF as a reader's copy-and-paste would give it, page by page and line by line: pdf.js extracts the
// text items (the CJK font's ToUnicode map turns glyphs back into characters), and items sharing a baseline are one
// line, left to right, joined by " | " so table cells stay apart.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export async function pdfLines(bytes: Uint8Array): Promise<string[][]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise
  const pages: string[][] = []
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p)
    const content = await page.getTextContent()
    const rows = new Map<number, { x: number; s: string }[]>()
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue
      const y = Math.round(item.transform[5] as number)
      // items on one baseline (±1 pt) are one line
      const key = [...rows.keys()].find((k) => Math.abs(k - y) <= 1) ?? y
      const row = rows.get(key) ?? []
      row.push({ x: item.transform[4] as number, s: item.str })
      rows.set(key, row)
    }
    pages.push([...rows].sort((a, b) => b[0] - a[0]).map(([, items]) => items.sort((a, b) => a.x - b.x).map((i) => i.s).join(' | ')))
  }
  await doc.destroy()
  return pages
}

/** Every line of the document. */
export const allLines = async (bytes: Uint8Array) => (await pdfLines(bytes)).flat()
