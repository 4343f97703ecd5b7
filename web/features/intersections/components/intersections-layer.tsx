import { useMemo } from 'react'
import { indexById, readFeatureId } from '../../../lib/index-by-id.ts'
import { useGeoJsonSource } from '../../../map/use-geojson-source.ts'
import { useMapLayer } from '../../../map/use-map-layer.ts'
import { useIntersections } from '../api/get-intersections.ts'
import { IntersectionPopup } from './intersection-popup.tsx'
import { INTERSECTIONS_SOURCE, intersectionsLayer } from './intersection-style.ts'

export function IntersectionsLayer({ visible }: { visible: boolean }) {
  const intersections = useIntersections()
  useGeoJsonSource(INTERSECTIONS_SOURCE, { data: intersections.data, status: intersections.status })
  const byId = useMemo(() => indexById(intersections.data), [intersections.data])
  useMapLayer(intersectionsLayer, {
    visible,
    onClick: (feature) => {
      const intersection = byId.get(readFeatureId(feature) ?? '')
      return intersection && <IntersectionPopup intersection={intersection} />
    },
  })
  return null
}
