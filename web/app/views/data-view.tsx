// The administrator's Data view (数据导入): a city's own files imported through the browser, their preview on the
// map. The import's working state lives here, in the view's hook, so it survives a visit to another tab.
import type { FeatureCollection } from 'geojson'
import { DataPanel } from '../../features/data/components/data-panel.tsx'
import { ImportPreviewLayer } from '../../features/data/components/import-preview-layer.tsx'
import { useDataImport } from '../../features/data/components/use-data-import.ts'
import { MapLayerBoundary } from './map-layer-boundary.tsx'
import type { ViewContext, ViewParts } from './view.ts'
import { NO_LAYERS_HIDDEN } from './view.ts'

// a new district seen whole, but not from so close that a single zone fills the screen
const IMPORTED_MAX_ZOOM = 15

export function useDataView({ active, categories, onFocus }: ViewContext): ViewParts {
  const data = useDataImport()
  const preview: FeatureCollection | undefined = data.preview.data?.features
  return {
    hides: NO_LAYERS_HIDDEN,
    panel: <DataPanel data={data} categories={categories} onDistrictImported={(bounds) => bounds && onFocus({ bounds, maxZoom: IMPORTED_MAX_ZOOM })} />,
    mapLayers: active ? (
      <MapLayerBoundary name="import-preview">
        <ImportPreviewLayer data={preview} />
      </MapLayerBoundary>
    ) : undefined,
  }
}
