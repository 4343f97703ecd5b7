// CSV cells for the downloads: RFC 4180 quoting, shared by every CSV route.

/** One cell: quoted when it holds a quote, comma or line break. */
export const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
