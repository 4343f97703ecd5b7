// OSM XML (API 0.6 / osmconvert output) as one string → Gridwatch's real layers: streets, intersections, buildings,
// water. Pure: a string in, plain data out; for the demo's small extract. The rules are in osm-tag-rules.ts and
// osm-assembler.ts, shared with the importer's streaming reader for whole-city files. Relations are skipped (the
// Chengdu extract's multipolygons are cut).

import { XMLParser } from 'fast-xml-parser'
import { z } from 'zod'
import { OsmAssembler, type ParsedOsm, type ParseOsmOptions } from './osm-assembler.ts'
import { readOsmId, readOsmNumber } from './osm-values.ts'

export { STREET_HIGHWAYS } from './osm-tag-rules.ts'
export { defaultParseOsmOptions, type OsmParseStats, type ParsedOsm, type ParseOsmOptions } from './osm-assembler.ts'

// fast-xml-parser output, checked rather than cast. Attribute values stay strings (parseAttributeValue off),
// so ids beyond 2^53 would be caught by the number check rather than silently rounded.
const tagSchema = z.object({ '@_k': z.string(), '@_v': z.string() })
const nodeSchema = z.object({
  '@_id': z.string(),
  '@_lat': z.string(),
  '@_lon': z.string(),
  tag: z.array(tagSchema).optional(),
})
const waySchema = z.object({
  '@_id': z.string(),
  nd: z.array(z.object({ '@_ref': z.string() })).optional(),
  tag: z.array(tagSchema).optional(),
})
const boundsSchema = z.object({ '@_minlat': z.string(), '@_minlon': z.string(), '@_maxlat': z.string(), '@_maxlon': z.string() })
const osmSchema = z.object({
  bounds: boundsSchema.optional(),
  node: z.array(nodeSchema).optional(),
  way: z.array(waySchema).optional(),
})
// `<osm/>` and `<osm></osm>` parse to '' or to an object with only attributes
const documentSchema = z.object({ osm: z.union([osmSchema, z.literal('')]) })

const WHO = 'parseOsm'
const readNumber = (text: string, what: string): number => readOsmNumber(text, what, WHO)
const readId = (text: string, what: string): number => readOsmId(text, what, WHO)

/**
 * Parses an OSM XML document into Gridwatch's real layers (rules: OsmAssembler). Node refs missing from the file
 * are skipped; a way left too short is dropped and counted in `stats` and `warnings`. Lengths in metres.
 * An empty document gives empty layers and bounds [0, 0, 0, 0]. Throws on malformed XML or attributes.
 */
export function parseOsm(xml: string, options: Partial<ParseOsmOptions> = {}): ParsedOsm {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    htmlEntities: true, // decode &#39; and friends inside tag values (names contain them)
    stopNodes: ['osm.relation'], // relations are not used; leaving them unparsed halves the parse time
    isArray: (name) => name === 'node' || name === 'way' || name === 'tag' || name === 'nd',
  })
  const parsedDocument = documentSchema.safeParse(parser.parse(xml))
  if (!parsedDocument.success) {
    throw new Error(`parseOsm: expected an <osm> document with <node>/<way> elements: ${parsedDocument.error.message}`)
  }
  const osm = parsedDocument.data.osm === '' ? {} : parsedDocument.data.osm

  const assembler = new OsmAssembler(options)
  if (osm.bounds !== undefined) {
    assembler.bounds([
      readNumber(osm.bounds['@_minlon'], 'bounds minlon'),
      readNumber(osm.bounds['@_minlat'], 'bounds minlat'),
      readNumber(osm.bounds['@_maxlon'], 'bounds maxlon'),
      readNumber(osm.bounds['@_maxlat'], 'bounds maxlat'),
    ])
  }
  for (const node of osm.node ?? []) {
    const id = readId(node['@_id'], 'node id')
    assembler.node(id, readNumber(node['@_lon'], `node ${id} lon`), readNumber(node['@_lat'], `node ${id} lat`))
  }
  for (const way of osm.way ?? []) {
    const osmId = readId(way['@_id'], 'way id')
    const tags = new Map((way.tag ?? []).map((t) => [t['@_k'], t['@_v']] as const))
    const refs = (way.nd ?? []).map((nd) => readId(nd['@_ref'], `way ${osmId} node ref`))
    assembler.way(osmId, refs, tags)
  }
  return assembler.finish()
}
