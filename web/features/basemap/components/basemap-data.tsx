// Hands water and building footprints to the offline basemap's sources (declared in web/map/offline-style.ts).
import { BASEMAP_SOURCES } from '../../../map/offline-style.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useBuildings } from '../api/get-buildings.ts'
import { useWater } from '../api/get-water.ts'

export function BasemapData() {
  const water = useWater()
  const buildings = useBuildings()
  useGeoJsonSource(BASEMAP_SOURCES.water, { data: water.data, status: water.status })
  useGeoJsonSource(BASEMAP_SOURCES.buildings, { data: buildings.data, status: buildings.status })
  return null
}
