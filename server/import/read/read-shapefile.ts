// ESRI Shapefiles: a .shp (geometry) with its .dbf (attributes) beside it, optional .prj (projection, passed on as
// `prj`) and .cpg (the .dbf's code page), or a .zip holding them (how they are usually sent around). Features are
// streamed by the `shapefile` package, which reads the .shp and .dbf record by record; `n` is the feature number
// from 1. A zip is never read whole: opening inflates only the first bytes of the members it needs (headers, .prj,
// .cpg), and each `records()` pass inflates the .shp and .dbf into a private temp directory, deleted when the
// pass ends, however it ends.
//
// Attribute values keep the DBF's types: numbers, booleans, and dates as Dates at UTC midnight of the calendar day
// (like Excel dates: the UTC fields are the day written). Blank cells, which the DBF cannot tell from null, are ''
// as in the other tables.
import { createReadStream } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { Geometry } from 'geojson'
import * as shapefile from 'shapefile'
import { SourceFileError, type OpenedSource, type SourceRecord } from '../source-record.ts'
import { DBF_PREFIX_BYTES, readDbfHeader, type DbfHeader } from './dbf-header.ts'
import { readPrefix } from './text-encoding.ts'
import { extractMembers, listMembers, readMemberPrefixes } from './zip-archive.ts'

export interface ShapefileOptions {
  /** For a zip holding several layers: which .shp (its name, with or without folder and extension). */
  sheet?: string
  /** The .dbf text encoding when the user names one; else the .cpg, else detected. */
  encoding?: string
}

/** Shape types the `shapefile` package reads (MultiPatch, 31, is not among them). */
const SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28])

/** Checks the 100-byte .shp header: the file code 9994 and a shape type we can read. */
function checkShpHeader(file: string, header: Buffer): void {
  if (header.length < 100 || header.readInt32BE(0) !== 9994) throw new SourceFileError(file, 'not a Shapefile: the .shp does not start with a Shapefile header')
  const type = header.readInt32LE(32)
  if (!SHAPE_TYPES.has(type)) throw new SourceFileError(file, `the .shp holds shape type ${type}, which cannot be imported (points, lines and polygons can)`)
}

/** A DBF value as the importer gets it (see the header comment). */
function attributeValue(value: unknown): unknown {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    // The package builds the date in the local time zone from the digits 'YYYYMMDD'; a blank or zero date
    // ('        ', '00000000') comes out as year 0 (→ 1899), month −1, day 0: 30 Nov 1899, a day no data holds.
    const blank = value.getFullYear() === 1899 && value.getMonth() === 10 && value.getDate() === 30
    if (Number.isNaN(value.getTime()) || blank) return ''
    return new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()))
  }
  return value
}

function featureRecord(feature: { properties: unknown; geometry: unknown }, n: number): SourceRecord {
  const fields: Record<string, unknown> = {}
  const properties = (feature.properties ?? {}) as Record<string, unknown>
  for (const [name, value] of Object.entries(properties)) fields[name] = attributeValue(value)
  return { n, fields, geometry: (feature.geometry ?? null) as Geometry | null }
}

/** The features of a .shp/.dbf pair on disk. `file` is what the user named, for messages. */
async function* readFeatures(file: string, shpPath: string, dbfPath: string, encoding: string): AsyncGenerator<SourceRecord> {
  // Streams, not paths: the package appends '.shp' to a path that does not end in lower-case '.shp'.
  const shp = createReadStream(shpPath)
  const dbf = createReadStream(dbfPath)
  let n = 0
  try {
    const source = await shapefile.open(shp, dbf, { encoding })
    for (let result = await source.read(); !result.done; result = await source.read()) {
      yield featureRecord(result.value, ++n)
    }
  } catch (error) {
    if (error instanceof SourceFileError) throw error
    throw new SourceFileError(file, `the Shapefile is corrupt after feature ${n}: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    shp.destroy()
    dbf.destroy()
  }
}

function textOrNull(text: string | undefined): string | null {
  const trimmed = text?.replace(/^\uFEFF/, '').trim()
  return trimmed === undefined || trimmed === '' ? null : trimmed
}

/** A .shp on disk: its .dbf/.prj/.cpg are the files of the same name beside it, in any letter case. */
async function openShpFile(file: string, options: ShapefileOptions): Promise<OpenedSource> {
  const stem = basename(file).replace(/\.shp$/i, '').toLowerCase()
  const folder = dirname(file)
  const siblings = await readdir(folder)
  const sibling = (extension: string): string | undefined => {
    const name = siblings.find((candidate) => candidate.toLowerCase() === `${stem}.${extension}`)
    return name === undefined ? undefined : join(folder, name)
  }
  const dbfPath = sibling('dbf')
  if (dbfPath === undefined) throw new SourceFileError(file, `no ${stem}.dbf beside it: a Shapefile's attributes are in its .dbf, send the .shp, .dbf, .shx and .prj together (or zipped)`)
  checkShpHeader(file, await readPrefix(file, 100))
  const prjPath = sibling('prj')
  const cpgPath = sibling('cpg')
  const cpg = cpgPath === undefined ? null : textOrNull(await readFile(cpgPath, 'utf8'))
  const dbf = readDbfHeader(file, await readPrefix(dbfPath, DBF_PREFIX_BYTES), { option: options.encoding, cpg })
  return {
    format: 'shapefile',
    fieldNames: dbf.fieldNames,
    prj: prjPath === undefined ? null : textOrNull(await readFile(prjPath, 'utf8')),
    records: () => readFeatures(file, file, dbfPath, dbf.encoding),
  }
}

/** Member names of the .shp files in a zip, leaving out macOS's resource forks (`__MACOSX/…`, `._name.shp`). */
function shpMembers(names: readonly string[]): string[] {
  return names.filter((name) => /\.shp$/i.test(name) && !name.split('/').includes('__MACOSX') && !basename(name).startsWith('._'))
}

/** The .shp to read: the only one, or the one `wanted` names (full member name, file name, or file name without .shp). */
function chooseShp(zipPath: string, shps: readonly string[], wanted: string | undefined): string {
  if (shps.length === 0) throw new SourceFileError(zipPath, 'the archive holds no .shp file (a zipped Shapefile needs its .shp and .dbf)')
  if (wanted === undefined) {
    if (shps.length > 1) throw new SourceFileError(zipPath, `the archive holds ${shps.length} Shapefiles (${shps.join(', ')}): name one with "sheet" in the profile`)
    return shps[0]!
  }
  const key = wanted.trim().toLowerCase()
  const match = shps.find((name) => name.toLowerCase() === key || basename(name).toLowerCase() === key || basename(name).toLowerCase() === `${key}.shp`)
  if (match === undefined) throw new SourceFileError(zipPath, `the archive holds no Shapefile named "${wanted}" (it has: ${shps.join(', ')})`)
  return match
}

interface ZipLayer {
  shp: string
  dbf: string
  dbfHeader: DbfHeader
  prj: string | null
}

async function inspectZip(zipPath: string, options: ShapefileOptions): Promise<ZipLayer> {
  const names = await listMembers(zipPath)
  const shp = chooseShp(zipPath, shpMembers(names), options.sheet)
  const stem = shp.slice(0, -'.shp'.length).toLowerCase()
  const member = (extension: string): string | undefined => names.find((name) => name.toLowerCase() === `${stem}.${extension}`)
  const dbf = member('dbf')
  if (dbf === undefined) throw new SourceFileError(zipPath, `the archive has ${shp} but no .dbf beside it (a Shapefile's attributes)`)
  const prj = member('prj')
  const cpg = member('cpg')
  const prefixes = await readMemberPrefixes(zipPath, [shp, dbf, ...(prj ? [prj] : []), ...(cpg ? [cpg] : [])], DBF_PREFIX_BYTES)
  checkShpHeader(zipPath, prefixes.get(shp) ?? Buffer.alloc(0))
  const text = (name: string | undefined): string | null => (name === undefined ? null : textOrNull(prefixes.get(name)?.toString('utf8')))
  const dbfHeader = readDbfHeader(zipPath, prefixes.get(dbf) ?? Buffer.alloc(0), { option: options.encoding, cpg: text(cpg) })
  return { shp, dbf, dbfHeader, prj: text(prj) }
}

/** One pass over a zipped layer: inflate its .shp and .dbf into a private temp directory, read, delete. */
async function* readZippedFeatures(zipPath: string, layer: ZipLayer): AsyncGenerator<SourceRecord> {
  const folder = await mkdtemp(join(tmpdir(), 'gridwatch-shapefile-'))
  try {
    // Our own file names, never the archive's: nothing from the zip decides where a file is written.
    const shpPath = join(folder, 'layer.shp')
    const dbfPath = join(folder, 'layer.dbf')
    await extractMembers(zipPath, new Map([[layer.shp, shpPath], [layer.dbf, dbfPath]]))
    yield* readFeatures(zipPath, shpPath, dbfPath, layer.dbfHeader.encoding)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

async function openZippedShapefile(zipPath: string, options: ShapefileOptions): Promise<OpenedSource> {
  const layer = await inspectZip(zipPath, options)
  return {
    format: 'shapefile',
    fieldNames: layer.dbfHeader.fieldNames,
    prj: layer.prj,
    records: () => readZippedFeatures(zipPath, layer),
  }
}

/** Opens a Shapefile (.shp with its .dbf beside it) or a zip holding one: field names and .prj now, features on each pass. */
export async function openShapefile(file: string, options: ShapefileOptions = {}): Promise<OpenedSource> {
  return /\.zip$/i.test(file) ? openZippedShapefile(file, options) : openShpFile(file, options)
}
