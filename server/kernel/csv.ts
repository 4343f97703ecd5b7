// CSV cells for the downloads: RFC 4180 quoting, shared by every CSV route and the briefing's annexes.

// A text cell a spreadsheet would run as a formula: =, +, - or @ first (or a tab or carriage return before one).
// Street names, descriptions and notes come from citizens and imported files, so such a cell is written with a
// leading apostrophe, which spreadsheets show as text (the OWASP advice for CSV injection). Numbers are not text.
const FORMULA_START = /^[=+\-@\t\r]/

/** One cell: quoted when it holds a quote, comma or line break; text that would start a formula made inert. */
export const csvCell = (v: unknown): string => {
  let s = v === null || v === undefined ? '' : String(v)
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
