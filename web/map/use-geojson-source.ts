// Hands GeoJSON to the map: adds the source if the style does not declare it, sets its data when it arrives.
import type { GeoJSON } from 'geojson'
import { GeoJSONSource } from 'maplibre-gl'
import type { GeoJSONSourceSpecification, Map as MapLibreMap } from 'maplibre-gl'
import { useEffect, useRef } from 'react'
import { EMPTY_COLLECTION, FEATURE_ID_PROPERTY } from './offline-style.ts'
import { useMapHandle } from './map-context.ts'
import type { SourceStatus } from './map-context.ts'

export type GeoJsonSourceOptions = Omit<GeoJSONSourceSpecification, 'type' | 'data'>

export interface GeoJsonSourceInput {
  data: GeoJSON | undefined
  /** The query's status, so the map knows when every layer has its data (`data-map-ready`). */
  status: SourceStatus
  /** Read once, when the source is added: clustering cannot change on a live source without re-adding it. */
  options?: GeoJsonSourceOptions
}

export function useGeoJsonSource(sourceId: string, { data, status, options }: GeoJsonSourceInput): void {
  const handle = useMapHandle()
  const initialOptions = useRef(options)

  useEffect(() => {
    const { map } = handle
    const declaredByStyle = map.getSource(sourceId) !== undefined
    if (!declaredByStyle) {
      map.addSource(sourceId, {
        ...initialOptions.current,
        type: 'geojson',
        data: EMPTY_COLLECTION,
        promoteId: FEATURE_ID_PROPERTY,
      })
    }
    return () => {
      handle.setSourceStatus(sourceId, undefined)
      if (!handle.isAlive()) return
      if (declaredByStyle) {
        void findGeoJsonSource(map, sourceId)?.setData(EMPTY_COLLECTION)
        return
      }
      // a source cannot be removed while layers draw from it; those layers' own clean-up then finds nothing to do
      for (const layer of map.getStyle().layers) {
        if ('source' in layer && layer.source === sourceId) map.removeLayer(layer.id)
      }
      map.removeSource(sourceId)
    }
  }, [handle, sourceId])

  useEffect(() => {
    // no data (first load, or reset after sign-out) draws nothing rather than what the last answer held
    void findGeoJsonSource(handle.map, sourceId)?.setData(data ? withIdProperty(data) : EMPTY_COLLECTION)
    // data kept over from the last answer while the next loads (a layer passes 'pending') is not yet the answer
    handle.setSourceStatus(sourceId, data && status !== 'pending' ? 'success' : status === 'success' ? 'pending' : status)
  }, [handle, sourceId, data, status])
}

/** The GeoJSON source `sourceId`, or undefined when there is none (or it is of another type). */
export function findGeoJsonSource(map: MapLibreMap, sourceId: string): GeoJSONSource | undefined {
  const source = map.getSource(sourceId)
  return source instanceof GeoJSONSource ? source : undefined
}

/**
 * Copies each feature's `id` into its properties. MapLibre only keeps numeric feature ids (our ids are strings
 * like 'L000123'); with the source's `promoteId` pointing at this property, a clicked feature carries its real id.
 */
function withIdProperty(data: GeoJSON): GeoJSON {
  if (data.type !== 'FeatureCollection') return data
  return {
    ...data,
    features: data.features.map((feature) =>
      feature.id === undefined ? feature : { ...feature, properties: { ...feature.properties, [FEATURE_ID_PROPERTY]: feature.id } },
    ),
  }
}
