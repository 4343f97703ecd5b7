// Which text encoding a city's file is in. Chinese spreadsheets exported from Excel ("CSV (逗号分隔)") are written
// in the Windows code page, GBK, not UTF-8; "Unicode text" (.txt) exports are UTF-16 with a byte-order mark; newer
// tools write UTF-8, often with a BOM. Nobody labels any of them, so we look at the bytes: GBK-encoded Chinese is
// practically never valid UTF-8 (its two-byte characters do not follow UTF-8's lead/continuation pattern), so
// "valid UTF-8 → UTF-8, else GB18030" decides correctly for real files. GB18030 is the superset of GBK and GB2312.
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { pipeline, type Duplex, type Readable } from 'node:stream'
import iconv from 'iconv-lite'
import { SourceFileError } from '../source-record.ts'

/** How many leading bytes decide: enough for thousands of rows of a typical table, small enough to read up front. */
export const SNIFF_BYTES = 64 * 1024

/** True when `bytes` is valid UTF-8, tolerating a multi-byte character cut off at the end (the sniff window is a prefix). */
export function isValidUtf8(bytes: Uint8Array, truncated = false): boolean {
  try {
    // `stream: true` keeps an incomplete trailing sequence pending instead of rejecting it.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated })
    return true
  } catch {
    return false
  }
}

/** The first `length` bytes of a file (fewer if it is shorter). */
export async function readPrefix(file: string, length = SNIFF_BYTES): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * The encoding of a text file's leading bytes, as an iconv-lite name: a byte-order mark wins (UTF-8, UTF-16LE/BE),
 * then valid UTF-8 (plain ASCII included) → 'utf-8', else 'gb18030'. `truncated` says the bytes are only a prefix.
 */
export function sniffEncoding(prefix: Uint8Array, truncated: boolean): string {
  if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) return 'utf-8'
  if (prefix[0] === 0xff && prefix[1] === 0xfe) return 'utf-16le'
  if (prefix[0] === 0xfe && prefix[1] === 0xff) return 'utf-16be'
  return isValidUtf8(prefix, truncated) ? 'utf-8' : 'gb18030'
}

/**
 * An encoding name as a user or a Shapefile's .cpg writes it, as iconv-lite knows it: 'UTF-8', 'GBK', 'gb2312',
 * Windows code page numbers ('936', '65001', 'ANSI 1252', 'CP936'). GBK-family names map to GB18030 (a strict
 * superset, so nothing decodable as GBK decodes differently). Null when iconv-lite has no such encoding.
 */
export function normalizeEncoding(name: string): string | null {
  const raw = name.trim().toLowerCase()
  const codePage = /^(?:ansi[\s_-]*|cp[\s_-]*|windows[\s_-]*)?(\d+)$/.exec(raw)?.[1]
  let resolved = raw
  if (codePage === '65001') resolved = 'utf-8'
  else if (codePage === '936' || codePage === '54936') resolved = 'gb18030'
  else if (codePage !== undefined) resolved = `cp${codePage}`
  else if (raw === 'gbk' || raw === 'gb2312' || raw === 'gb18030' || raw === 'euc-cn') resolved = 'gb18030'
  else if (raw === 'utf8' || raw === 'utf-8') resolved = 'utf-8'
  return iconv.encodingExists(resolved) ? resolved : null
}

/**
 * The encoding to decode a text file with: the one the user named (profile `encoding`), checked against what
 * iconv-lite knows, else sniffed from the file's first 64 KB.
 */
export async function chooseEncoding(file: string, requested: string | undefined): Promise<string> {
  if (requested !== undefined) {
    const encoding = normalizeEncoding(requested)
    if (encoding === null) throw new SourceFileError(file, `unknown text encoding "${requested}" (try UTF-8 or GBK)`)
    return encoding
  }
  const prefix = await readPrefix(file, SNIFF_BYTES)
  return sniffEncoding(prefix, prefix.length === SNIFF_BYTES)
}

/**
 * A file's text in `encoding` fed through `stages` (parsers), as the last stage's readable end. UTF-8 goes in as
 * bytes (the parsers decode it and drop a BOM themselves); anything else is decoded to strings by iconv-lite
 * first, which also drops a BOM. `pipeline` destroys every stage when one fails (the error then surfaces from the
 * returned stream's iterator) or when the consumer stops iterating early, so no file handle is left open.
 */
export function decodedPipeline(file: string, encoding: string, stages: Duplex[]): Readable {
  const source = createReadStream(file)
  const rest = [...(encoding === 'utf-8' ? [] : [iconv.decodeStream(encoding) as unknown as Duplex]), ...stages]
  if (rest.length === 0) return source
  return pipeline([source, ...rest], () => {}) as unknown as Readable
}
