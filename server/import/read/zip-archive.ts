// Reading members of a zip archive with yauzl, which reads the central directory and then inflates one member at
// a time from disk, so an archive is never held in memory. Member names are decoded here, not by yauzl: archives
// made on Chinese Windows (Explorer's "Send to compressed folder", WinRAR, 360压缩) store names in GBK without
// the UTF-8 flag, which yauzl would decode as CP437 mojibake; names flagged UTF-8 or carrying Info-ZIP's Unicode
// path field are decoded as such, an unflagged name that is valid UTF-8 (macOS, 7-Zip) as UTF-8, else GB18030.
// Names are only ever matched, never used as paths on disk, so a hostile "../" name cannot escape.
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import iconv from 'iconv-lite'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { SourceFileError } from '../source-record.ts'
import { isValidUtf8 } from './text-encoding.ts'

const UTF8_FLAG = 0x800
const INFO_ZIP_UNICODE_PATH = 0x7075

/** A member's name as its creator meant it (see above), with '/' separators. */
export function memberName(entry: Entry): string {
  const raw = entry.fileNameRaw
  const unicode = (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0 || entry.extraFields.some((field) => field.id === INFO_ZIP_UNICODE_PATH)
  if (unicode) return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false)
  const name = isValidUtf8(raw) ? raw.toString('utf8') : iconv.decode(raw, 'gb18030')
  return name.replace(/\\/g, '/')
}

function openZip(zipPath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, decodeStrings: false, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip)))
  })
}

/** The next member, or null after the last. */
function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError)
    }
    const onEntry = (entry: Entry): void => (settle(), resolve(entry))
    const onEnd = (): void => (settle(), resolve(null))
    const onError = (error: Error): void => (settle(), reject(error))
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError)
    zip.readEntry()
  })
}

function openMember(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))))
}

/** A yauzl or file error as the SourceFileError the importer reports for a corrupt archive. */
function asZipError(zipPath: string, error: unknown): SourceFileError {
  if (error instanceof SourceFileError) return error
  return new SourceFileError(zipPath, `not a readable zip archive: ${error instanceof Error ? error.message : String(error)}`)
}

/**
 * Visits every member (directories included) in archive order; `visit` may read the member through `open()`.
 * The archive is closed afterwards, also when `visit` throws.
 */
async function eachMember(zipPath: string, visit: (name: string, open: () => Promise<NodeJS.ReadableStream>) => Promise<void>): Promise<void> {
  let zip: ZipFile | undefined
  try {
    zip = await openZip(zipPath)
    for (let entry = await nextEntry(zip); entry !== null; entry = await nextEntry(zip)) {
      const current = entry
      await visit(memberName(current), () => openMember(zip!, current))
    }
  } catch (error) {
    throw asZipError(zipPath, error)
  } finally {
    zip?.close()
  }
}

/** The names of the archive's files (not directories), in archive order. */
export async function listMembers(zipPath: string): Promise<string[]> {
  const names: string[] = []
  await eachMember(zipPath, async (name) => {
    if (!name.endsWith('/')) names.push(name)
  })
  return names
}

/** The first `length` bytes of each named member (fewer if it is shorter), inflating no further. */
export async function readMemberPrefixes(zipPath: string, names: readonly string[], length: number): Promise<Map<string, Buffer>> {
  const wanted = new Set(names)
  const prefixes = new Map<string, Buffer>()
  await eachMember(zipPath, async (name, open) => {
    if (!wanted.has(name) || prefixes.has(name)) return
    const stream = await open()
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk)
      size += chunk.length
      if (size >= length) break // leaving the loop destroys the member stream
    }
    prefixes.set(name, Buffer.concat(chunks).subarray(0, length))
  })
  return prefixes
}

/** Inflates each member named in `targets` (member name → file path) to its file. */
export async function extractMembers(zipPath: string, targets: ReadonlyMap<string, string>): Promise<void> {
  const done = new Set<string>()
  await eachMember(zipPath, async (name, open) => {
    const target = targets.get(name)
    if (target === undefined || done.has(name)) return
    await pipeline(await open(), createWriteStream(target))
    done.add(name)
  })
  const missing = [...targets.keys()].filter((name) => !done.has(name))
  if (missing.length > 0) throw new SourceFileError(zipPath, `the archive lost members while reading: ${missing.join(', ')}`)
}
