// The briefing's map, drawn as vector paths from the district's own layers (streets, water, sub-district
// boundaries) — the offline basemap's sources — so it prints sharp at any resolution with nothing fetched. Hotspot
// cells on top, the top places numbered as in the table beside it.
import type { BBox, LngLat } from '../kernel/geo.ts'

/** What the map needs of the district: plain coordinates, read from the store when the PDF is drawn. */
export interface BriefingBasemap {
  streets: { coordinates: LngLat[]; highway: string }[]
  water: { kind: 'area' | 'line'; coordinates: LngLat[][] | LngLat[] }[]
  zones: { name: string; coordinates: LngLat[][] }[]
}

export interface MapLayers {
  bbox: BBox
  cells: { ring: LngLat[]; bin: number }[]
  places: { n: number; center: LngLat }[]
}

/** The subset of PDFKit's drawing API the map uses. */
interface Canvas {
  save(): Canvas
  restore(): Canvas
  rect(x: number, y: number, w: number, h: number): Canvas
  clip(): Canvas
  moveTo(x: number, y: number): Canvas
  lineTo(x: number, y: number): Canvas
  closePath(): Canvas
  circle(x: number, y: number, r: number): Canvas
  fill(color?: string): Canvas
  stroke(color?: string): Canvas
  fillColor(color: string, opacity?: number): Canvas
  strokeColor(color: string, opacity?: number): Canvas
  lineWidth(w: number): Canvas
  dash(length: number, options?: { space?: number }): Canvas
  undash(): Canvas
  fillOpacity(o: number): Canvas
  fontSize(size: number): Canvas
  text(text: string, x: number, y: number, options?: Record<string, unknown>): Canvas
}

// Road widths in points by OSM class: the main roads carry the map, alleys stay visible but light.
const ROAD_WIDTH: Record<string, number> = { motorway: 1.6, trunk: 1.6, primary: 1.3, secondary: 1.1, tertiary: 0.9, unclassified: 0.6, residential: 0.5, living_street: 0.4, service: 0.3 }
const HOT = ['#fcbba1', '#fb6a4a', '#cb181d'] // 90 %, 95 %, 99 %
const COLD = ['#c6dbef', '#6baed6', '#2171b5']

/**
 * A local equirectangular projection of `bbox` into the box (x, y, w, h), keeping the aspect (metres east and north
 * scale alike at the district's latitude) and centring it.
 */
export function fitProjection(bbox: BBox, x: number, y: number, w: number, h: number) {
  const [west, south, east, north] = bbox
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180)
  const spanX = Math.max(1e-9, (east - west) * k)
  const spanY = Math.max(1e-9, north - south)
  const scale = Math.min(w / spanX, h / spanY)
  const offX = x + (w - spanX * scale) / 2
  const offY = y + (h - spanY * scale) / 2
  const metresPerPoint = (111_320 * spanY) / (spanY * scale)
  return { project: ([lon, lat]: LngLat): [number, number] => [offX + (lon - west) * k * scale, offY + (north - lat) * scale], metresPerPoint }
}

export function drawBriefingMap(doc: Canvas, basemap: BriefingBasemap, layers: MapLayers, box: { x: number; y: number; w: number; h: number }, words: { mapNorth: string; mapScale: (m: number) => string; mapSource: string }, font: (bold: boolean) => void): void {
  const { x, y, w, h } = box
  const { project, metresPerPoint } = fitProjection(layers.bbox, x, y, w, h)
  const path = (pts: readonly LngLat[], close = false) => {
    pts.forEach((p, i) => {
      const [px, py] = project(p)
      if (i === 0) doc.moveTo(px, py)
      else doc.lineTo(px, py)
    })
    if (close) doc.closePath()
  }
  doc.save()
  doc.rect(x, y, w, h).fillColor('#f7f5f0').fill()
  doc.rect(x, y, w, h).clip()
  for (const f of basemap.water) {
    if (f.kind === 'area') {
      for (const ring of f.coordinates as LngLat[][]) path(ring, true)
      doc.fillColor('#b9d7ea').fill()
    } else {
      path(f.coordinates as LngLat[])
      doc.lineWidth(0.8).strokeColor('#9cc7e3').stroke()
    }
  }
  // hotspot cells under the streets, so the street pattern stays readable through them
  for (const c of layers.cells) {
    const shade = c.bin > 0 ? HOT[Math.min(3, c.bin) - 1] : COLD[Math.min(3, -c.bin) - 1]
    if (!shade) continue
    path(c.ring, true)
    doc.fillColor(shade, 0.85).fill()
  }
  doc.fillOpacity(1)
  const ordered = [...basemap.streets].sort((a, b) => (ROAD_WIDTH[a.highway] ?? 0.4) - (ROAD_WIDTH[b.highway] ?? 0.4))
  for (const s of ordered) {
    path(s.coordinates)
    doc.lineWidth(ROAD_WIDTH[s.highway] ?? 0.4).strokeColor((ROAD_WIDTH[s.highway] ?? 0) >= 0.9 ? '#8a8a8a' : '#b5b5b5').stroke()
  }
  doc.dash(3, { space: 2 })
  for (const z of basemap.zones) {
    for (const ring of z.coordinates) path(ring, true)
    doc.lineWidth(0.7).strokeColor('#6a51a3').stroke()
  }
  doc.undash()
  for (const p of layers.places) {
    const [px, py] = project(p.center)
    doc.circle(px, py, 6).fillColor('#ffffff').fill()
    doc.circle(px, py, 6).lineWidth(1).strokeColor('#67000d').stroke()
    font(true)
    doc.fontSize(7).fillColor('#67000d').text(String(p.n), px - 6, py - 4.2, { width: 12, align: 'center', lineBreak: false })
  }
  doc.restore()
  // frame, north arrow, scale bar, source
  doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#555555').stroke()
  const nx = x + w - 18
  doc.moveTo(nx, y + 8).lineTo(nx - 5, y + 22).lineTo(nx + 5, y + 22).closePath().fillColor('#333333').fill()
  font(false)
  doc.fontSize(7).fillColor('#333333').text(words.mapNorth, nx - 10, y + 23, { width: 20, align: 'center', lineBreak: false })
  const target = metresPerPoint * w * 0.2
  const nice = [100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000].reduce((best, m) => (Math.abs(m - target) < Math.abs(best - target) ? m : best), 500)
  const barW = nice / metresPerPoint
  doc.rect(x + 10, y + h - 14, barW, 3).fillColor('#333333').fill()
  doc.fontSize(7).fillColor('#333333').text(words.mapScale(nice), x + 14 + barW, y + h - 17, { lineBreak: false })
  doc.fontSize(6).fillColor('#666666').text(words.mapSource, x, y + h + 2, { width: w, align: 'right', lineBreak: false })
}

/** The colour key for the cells. */
export function drawMapKey(doc: Canvas, x: number, y: number, words: { legendHot: string; legendCold: string }, font: (bold: boolean) => void): void {
  font(false)
  doc.fontSize(7)
  const levels = ['90%', '95%', '99%']
  levels.forEach((label, i) => {
    doc.rect(x + i * 58, y, 10, 8).fillColor(HOT[i]!).fill()
    doc.fillColor('#333333').text(`${words.legendHot} ${label}`, x + i * 58 + 13, y, { lineBreak: false })
    doc.rect(x + 186 + i * 62, y, 10, 8).fillColor(COLD[i]!).fill()
    doc.fillColor('#333333').text(`${words.legendCold} ${label}`, x + 186 + i * 62 + 13, y, { lineBreak: false })
  })
}
