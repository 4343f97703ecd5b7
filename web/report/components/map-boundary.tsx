// The map sits in its own boundary: when its code cannot load (a dropped connection mid-download) or WebGL fails,
// the citizen reads why and can still use "use my location" and send the report.
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import { useReportI18n } from '../i18n.ts'
import { describeReportError } from '../lib/describe-error.ts'

interface MapBoundaryState {
  error: unknown
  failed: boolean
}

export class MapBoundary extends Component<{ children: ReactNode }, MapBoundaryState> {
  override state: MapBoundaryState = { error: undefined, failed: false }

  static getDerivedStateFromError(error: unknown): MapBoundaryState {
    return { error, failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[gridwatch] the report map failed:', error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return <MapFailed error={this.state.error} onRetry={() => this.setState({ error: undefined, failed: false })} />
  }
}

function MapFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const i18n = useReportI18n()
  return (
    <p className="location-map__status location-map__status--error" role="alert">
      <span>{i18n.t('map.failed', { detail: describeReportError(error, i18n) })}</span>{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        {i18n.t('common.retry')}
      </button>
    </p>
  )
}
