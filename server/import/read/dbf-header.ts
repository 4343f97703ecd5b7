// A Shapefile's attribute table (.dbf, dBASE III): its field names, and which text encoding its names and text
// cells are in. DBF files do not reliably say: ArcGIS and QGIS write a .cpg file beside them naming the code page
// ('UTF-8', 'GBK', '936'…), older tools write none and use the system code page, which on Chinese Windows is GBK.
// So: the user's `encoding` if given, else the .cpg if it names an encoding we know, else the bytes decide. We
// take the field names and the cells of the first records (as many whole records as the prefix read holds) and
// ask whether they are valid UTF-8: pure ASCII is (and then either reading is the same), GBK-encoded Chinese practically never
// is (its byte pairs do not follow UTF-8's lead/continuation pattern), so invalid UTF-8 → GBK. What comes out is
// the WHATWG encoding label the `shapefile` package's TextDecoder takes.
import { SourceFileError } from '../source-record.ts'
import { isValidUtf8 } from './text-encoding.ts'

export interface DbfHeader {
  fieldNames: string[]
  /** WHATWG encoding label for the names and text cells: 'utf-8', 'gbk', 'windows-1252'… */
  encoding: string
  /** How the encoding was chosen, for messages and tests. */
  encodingFrom: 'option' | 'cpg' | 'detected'
}

/** How many leading bytes of a .dbf opening reads: the header (≤ 8 KB for dBASE's 255 fields) and the first records. */
export const DBF_PREFIX_BYTES = 128 * 1024

/**
 * An encoding name as a user or a .cpg writes it ('UTF-8', 'GBK', '936', 'ANSI 1252', 'CP936') as a WHATWG label
 * that TextDecoder accepts, or null. Windows code pages by number: 936 is GBK, 65001 UTF-8, 125x windows-125x.
 */
export function dbfEncodingLabel(name: string): string | null {
  const raw = name.trim().toLowerCase()
  const codePage = /^(?:ansi[\s_-]*|cp[\s_-]*|windows[\s_-]*)?(\d+)$/.exec(raw)?.[1]
  const byCodePage: Record<string, string> = { '65001': 'utf-8', '936': 'gbk', '54936': 'gb18030', '950': 'big5', '932': 'shift_jis', '949': 'euc-kr', '20936': 'gbk' }
  const label = codePage === undefined ? raw : (byCodePage[codePage] ?? `windows-${codePage}`)
  try {
    new TextDecoder(label)
    return label
  } catch {
    return null
  }
}

/** Reads the header from the first bytes of a .dbf (`prefix`, up to DBF_PREFIX_BYTES) and settles its encoding. */
export function readDbfHeader(file: string, prefix: Buffer, choice: { option?: string; cpg?: string | null }): DbfHeader {
  if (prefix.length < 32) throw new SourceFileError(file, 'the .dbf attribute table is truncated (shorter than its 32-byte header)')
  const headerLength = prefix.readUInt16LE(8)
  const recordLength = prefix.readUInt16LE(10)
  if (headerLength < 33 || recordLength < 1) throw new SourceFileError(file, 'the .dbf attribute table has a corrupt header (not a dBASE file?)')
  if (prefix.length < headerLength) throw new SourceFileError(file, 'the .dbf attribute table is truncated inside its field list')

  const fields: DbfField[] = []
  for (let offset = 32; offset + 32 <= headerLength && prefix[offset] !== 0x0d; offset += 32) {
    const name = prefix.subarray(offset, offset + 11)
    const end = name.indexOf(0)
    fields.push({ name: end === -1 ? name : name.subarray(0, end), length: prefix[offset + 16]! })
  }

  const encoding = chooseEncoding(file, prefix, headerLength, recordLength, fields, choice)
  const decoder = new TextDecoder(encoding.encoding)
  return { fieldNames: fields.map((field) => decoder.decode(field.name)), ...encoding }
}

interface DbfField {
  name: Buffer
  length: number
}

/**
 * True when every field name and every cell of the whole records in `prefix` is valid UTF-8. Each is checked on
 * its own and may end in a cut-off character: writers truncate a UTF-8 name to 10 bytes and a text to its field
 * width without regard to character boundaries.
 */
function looksUtf8(prefix: Buffer, headerLength: number, recordLength: number, fields: DbfField[]): boolean {
  if (!fields.every((field) => isValidUtf8(field.name, true))) return false
  for (let record = headerLength; record + recordLength <= prefix.length; record += recordLength) {
    let cell = record + 1 // byte 0 is the deletion flag
    for (const field of fields) {
      if (!isValidUtf8(prefix.subarray(cell, cell + field.length), true)) return false
      cell += field.length
    }
  }
  return true
}

function chooseEncoding(
  file: string,
  prefix: Buffer,
  headerLength: number,
  recordLength: number,
  fields: DbfField[],
  choice: { option?: string; cpg?: string | null },
): Pick<DbfHeader, 'encoding' | 'encodingFrom'> {
  if (choice.option !== undefined) {
    const label = dbfEncodingLabel(choice.option)
    if (label === null) throw new SourceFileError(file, `unknown text encoding "${choice.option}" (try UTF-8 or GBK)`)
    return { encoding: label, encodingFrom: 'option' }
  }
  // A .cpg we cannot read (ArcGIS writes 'System' or an OEM code page) is ignored rather than trusted.
  const fromCpg = choice.cpg != null ? dbfEncodingLabel(choice.cpg) : null
  if (fromCpg !== null) return { encoding: fromCpg, encodingFrom: 'cpg' }
  return { encoding: looksUtf8(prefix, headerLength, recordLength, fields) ? 'utf-8' : 'gbk', encodingFrom: 'detected' }
}
