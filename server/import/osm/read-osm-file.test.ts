import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import type { BBox } from '../../kernel/geo.ts'
import type { OsmElementSink } from '../../../geodata/osm/osm-assembler.ts'
import { parseOsm } from '../../../geodata/osm/parse-osm.ts'
import { SourceFileError } from '../source-record.ts'
import { OsmProgressCounter, type OsmProgress } from './osm-progress.ts'
import { writeOsmPbf, type PbfContent } from './osm-pbf-test-writer.ts'
import { streamOsmXml } from './osm-xml-reader.ts'
import { readOsmFile, type ReadOsmResult } from './read-osm-file.ts'

const TINY = fileURLToPath(new URL('../../../geodata/osm/fixtures/tiny.osm', import.meta.url))
const CHENGDU = fileURLToPath(new URL('../../../geodata/chengdu/chengdu-center-2018.osm', import.meta.url))

const scratch = mkdtempSync(join(tmpdir(), 'gridwatch-osm-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function writeScratch(name: string, content: string | Buffer): string {
  const file = join(scratch, name)
  writeFileSync(file, content)
  return file
}

/** The ParsedOsm part of a result: what parse-osm.ts gives for the same data. */
function layersOf(result: ReadOsmResult): Omit<ReadOsmResult, 'format' | 'counts'> {
  const { format: _format, counts: _counts, ...layers } = result
  return layers
}

/** Everything the XML reader hands on, to write the same data as PBF. */
async function collectElements(file: string): Promise<PbfContent> {
  const content: { bounds: BBox | null; nodes: PbfContent['nodes'][number][]; ways: PbfContent['ways'][number][] } = { bounds: null, nodes: [], ways: [] }
  const sink: OsmElementSink = {
    bounds: (b) => (content.bounds ??= b),
    node: (id, lng, lat) => content.nodes.push({ id, lng, lat }),
    way: (id, refs, tags) => content.ways.push({ id, refs: Array.from(refs), tags: new Map(tags) }),
  }
  await streamOsmXml(file, sink, new OsmProgressCounter(undefined))
  return content
}

describe('readOsmFile on the tiny fixture (.osm)', () => {
  test('gives the fixture’s streets, intersections, buildings and water', async () => {
    const result = await readOsmFile(TINY)
    expect(result.format).toBe('osm-xml')
    expect(result.bounds).toEqual([103.998, 29.999, 104.006, 30.004])
    expect(result.streets.map((s) => s.id)).toEqual(['w100', 'w101', 'w102', 'w103', 'w104', 'w105'])
    expect(result.streets[0]).toMatchObject({ name: '东大街', nameEn: 'East Street & Market', highway: 'residential', category: 'regulated', zoneId: null })
    expect(result.streets[1]?.name).toBe('西小巷') // from name:zh
    expect(result.intersections).toEqual([
      { id: 'n2', osmId: 2, coordinates: [104.001, 30], streetIds: ['w100', 'w104'], names: ['东大街', '北巷'], degree: 3 },
      { id: 'n3', osmId: 3, coordinates: [104.002, 30], streetIds: ['w100', 'w101', 'w102'], names: ['东大街', '西小巷', '南街'], degree: 3 },
    ])
    expect(result.buildings.map((b) => b.id)).toEqual(['w110'])
    expect(result.water.map((w) => [w.id, w.kind])).toEqual([['w111', 'area'], ['w112', 'line']])
    expect(result.counts).toEqual({ nodes: 22, ways: 13, relations: 1, streets: 6, intersections: 2, buildings: 1, water: 2 })
    expect(result.stats).toMatchObject({ missingNodeRefs: 3, droppedStreets: 1, skippedHighwayWays: 3 })
  })

  test('equals parseOsm on the same text', async () => {
    expect(layersOf(await readOsmFile(TINY))).toEqual(parseOsm(readFileSync(TINY, 'utf8')))
  })

  test('reports progress per phase, ending with the assembly', async () => {
    const seen: OsmProgress[] = []
    await readOsmFile(TINY, { onProgress: (p) => seen.push(p) })
    expect(seen).toEqual([
      { phase: 'nodes', count: 22 },
      { phase: 'ways', count: 13 },
      { phase: 'relations', count: 1 },
      { phase: 'assembling', count: 13 },
    ])
  })
})

describe('readOsmFile on the Chengdu extract', () => {
  test('streams to exactly what parseOsm gives for the whole string', async () => {
    const streamed = await readOsmFile(CHENGDU)
    const parsed = parseOsm(readFileSync(CHENGDU, 'utf8'))
    expect(streamed.counts).toEqual({ nodes: 24617, ways: 3820, relations: 121, streets: 2268, intersections: 2640, buildings: 786, water: 51 })
    expect(streamed.streets.map((s) => s.id)).toEqual(parsed.streets.map((s) => s.id))
    streamed.streets.forEach((s, i) => expect(Math.abs(s.lengthM - (parsed.streets[i]?.lengthM ?? NaN))).toBeLessThan(1e-6))
    expect(streamed.intersections).toEqual(parsed.intersections)
    expect(layersOf(streamed)).toEqual(parsed)
  })
})

describe('readOsmFile on .osm.pbf', () => {
  test('gives the same layers as the .osm it was written from (tiny fixture, one node per block)', async () => {
    const pbf = writeScratch('tiny.osm.pbf', writeOsmPbf(await collectElements(TINY), 1))
    const fromPbf = await readOsmFile(pbf)
    expect(fromPbf.format).toBe('osm-pbf')
    expect(layersOf(fromPbf)).toEqual(layersOf(await readOsmFile(TINY)))
    expect(fromPbf.counts).toMatchObject({ nodes: 22, ways: 13, relations: 0 }) // the writer drops relations
  })

  test('gives the same layers as the .osm for the Chengdu extract', async () => {
    const pbf = writeScratch('chengdu.osm.pbf', writeOsmPbf(await collectElements(CHENGDU), 2000))
    expect(layersOf(await readOsmFile(pbf))).toEqual(parseOsm(readFileSync(CHENGDU, 'utf8')))
  })

  test('refuses a file that is not PBF', async () => {
    const bad = writeScratch('bad.osm.pbf', readFileSync(TINY))
    await expect(readOsmFile(bad)).rejects.toBeInstanceOf(SourceFileError)
  })
})

describe('readOsmFile on unusual files', () => {
  const node = (id: number, lon: number, lat: number): string => `<node id="${id}" lat="${lat}" lon="${lon}"/>`
  const way = (id: number, refs: number[], tags: Record<string, string>): string =>
    `<way id="${id}">${refs.map((r) => `<nd ref="${r}"/>`).join('')}${Object.entries(tags).map(([k, v]) => `<tag k="${k}" v="${v}"/>`).join('')}</way>`
  const streets = [way(10, [1, 2, 3], { highway: 'residential', name: '甲路' }), way(11, [2, 4], { highway: 'service' }), way(12, [5, 2], { highway: 'footway' })]

  test('sorts nodes listed out of id order; a repeated id keeps its last position', async () => {
    const sorted = writeScratch('sorted.osm', `<osm>${node(1, 104, 30)}${node(2, 104.001, 30)}${node(3, 104.002, 30)}${node(4, 104.001, 30.001)}${node(5, 104.001, 29.999)}${streets.join('')}</osm>`)
    const shuffled = writeScratch('shuffled.osm', `<osm>${node(3, 104.002, 30)}${node(2, 0, 0)}${node(5, 104.001, 29.999)}${node(1, 104, 30)}${node(4, 104.001, 30.001)}${node(2, 104.001, 30)}${streets.join('')}</osm>`)
    const a = await readOsmFile(sorted)
    const b = await readOsmFile(shuffled)
    expect(b.streets).toEqual(a.streets)
    expect(b.intersections).toEqual(a.intersections)
    expect(a.intersections.map((i) => [i.id, i.degree, i.streetIds])).toEqual([['n2', 4, ['w10', 'w11', 'w12']]])
    expect(b.counts.nodes).toBe(6) // elements read, the repeat included (as parseOsm counts them)
  })

  test('refuses a node after the first way, naming the fix', async () => {
    const late = writeScratch('late.osm', `<osm>${node(1, 104, 30)}${node(2, 104.001, 30)}${way(10, [1, 2], { highway: 'residential' })}${node(3, 104.002, 30)}</osm>`)
    await expect(readOsmFile(late)).rejects.toThrow(/node 3 comes after the first way.*osmium sort/)
  })

  test('names the file and line of malformed XML or attributes', async () => {
    const broken = writeScratch('broken.osm', `<osm>\n${node(1, 104, 30)}\n<way id="10"><nd ref="1"/>\n</osm>`)
    await expect(readOsmFile(broken)).rejects.toThrow(/broken\.osm: line 4, column \d+: unexpected close tag/)
    const badId = writeScratch('bad-id.osm', '<osm><node id="x" lat="30" lon="104"/></osm>')
    await expect(readOsmFile(badId)).rejects.toThrow(/node id is not a number/)
  })

  test('refuses a document that is not OSM, a missing file and compressed XML', async () => {
    await expect(readOsmFile(writeScratch('track.osm', '<gpx><wpt/></gpx>'))).rejects.toThrow(/expected an <osm> document/)
    await expect(readOsmFile(join(scratch, 'absent.osm'))).rejects.toBeInstanceOf(SourceFileError)
    await expect(readOsmFile('city.osm.bz2')).rejects.toThrow(/compressed OSM XML/)
    await expect(readOsmFile('city.geojson')).rejects.toThrow(/expected \.osm or \.osm\.pbf/)
  })

  test('gives empty layers and zero bounds for an empty document', async () => {
    const result = await readOsmFile(writeScratch('empty.osm', '<?xml version="1.0"?><osm version="0.6"/>'))
    expect(result).toMatchObject({ bounds: [0, 0, 0, 0], streets: [], intersections: [], buildings: [], water: [] })
  })
})
