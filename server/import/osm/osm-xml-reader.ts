// Streams an OSM XML file (.osm) through the saxes SAX parser into an OsmElementSink: the text is read in 256 KiB
// chunks and each element is handed on as it closes, so memory does not grow with the file (a whole city's .osm is
// gigabytes). Node tags and relations are skipped: the layers come from ways. Attribute values are checked with the
// same rules as parse-osm.ts (osm-values.ts).

import { createReadStream } from 'node:fs'
import { SaxesParser } from 'saxes'
import type { OsmElementSink } from '../../../geodata/osm/osm-assembler.ts'
import { readOsmId, readOsmNumber } from '../../../geodata/osm/osm-values.ts'
import type { OsmProgressCounter } from './osm-progress.ts'

const CHUNK_BYTES = 256 * 1024

/** Reads `file` into `sink`, element by element. Throws (with the line number) on malformed XML or attributes. */
export async function streamOsmXml(file: string, sink: OsmElementSink, progress: OsmProgressCounter): Promise<void> {
  const who = file
  const parser = new SaxesParser({ xmlns: false, position: true, fileName: file } as const) // errors then read file:line:column
  let depth = 0 // of the element just opened: 1 = the root
  let way: { id: number; refs: number[]; tags: Map<string, string> } | null = null

  const attribute = (attributes: Record<string, string>, name: string, element: string): string => {
    const value = attributes[name]
    if (value === undefined) throw new Error(`${who}:${parser.line}: <${element}> without ${name}`)
    return value
  }

  parser.on('opentag', (tag) => {
    depth++
    const { name, attributes } = tag
    if (depth === 1) {
      if (name !== 'osm') throw new Error(`${who}: expected an <osm> document, found <${name}>`)
      return
    }
    if (depth === 2) {
      if (name === 'node') {
        const id = readOsmId(attribute(attributes, 'id', name), 'node id', who)
        const lng = readOsmNumber(attribute(attributes, 'lon', name), `node ${id} lon`, who)
        const lat = readOsmNumber(attribute(attributes, 'lat', name), `node ${id} lat`, who)
        sink.node(id, lng, lat)
        progress.tick('nodes')
      } else if (name === 'way') {
        way = { id: readOsmId(attribute(attributes, 'id', name), 'way id', who), refs: [], tags: new Map() }
      } else if (name === 'relation') {
        progress.tick('relations')
      } else if (name === 'bounds') {
        sink.bounds([
          readOsmNumber(attribute(attributes, 'minlon', name), 'bounds minlon', who),
          readOsmNumber(attribute(attributes, 'minlat', name), 'bounds minlat', who),
          readOsmNumber(attribute(attributes, 'maxlon', name), 'bounds maxlon', who),
          readOsmNumber(attribute(attributes, 'maxlat', name), 'bounds maxlat', who),
        ])
      }
      return
    }
    if (depth === 3 && way !== null) {
      if (name === 'nd') way.refs.push(readOsmId(attribute(attributes, 'ref', name), `way ${way.id} node ref`, who))
      else if (name === 'tag') way.tags.set(attribute(attributes, 'k', name), attribute(attributes, 'v', name))
    }
  })

  parser.on('closetag', (tag) => {
    if (depth === 2 && tag.name === 'way' && way !== null) {
      sink.way(way.id, way.refs, way.tags)
      way = null
      progress.tick('ways')
    }
    depth--
  })

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES })
  for await (const chunk of stream) parser.write(chunk as string) // a parse error throws here and ends the stream
  parser.close()
  progress.flush()
}
