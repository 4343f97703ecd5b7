// Each panel and each map layer sits in its own boundary: one that throws shows a note and a retry,
// and the map and the other layers carry on.
import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import { describeError } from '../lib/describe-error.ts'
import { useI18n } from '../lib/i18n.ts'

export interface PanelBoundaryProps {
  /** Names the panel in the console, so a report says which one failed. */
  name: string
  children: ReactNode
  /** Map layers have no room of their own: their note goes where the caller puts it. */
  variant?: 'panel' | 'map-layer'
}

interface PanelBoundaryState {
  error: unknown
  failed: boolean
}

export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: undefined, failed: false }

  static getDerivedStateFromError(error: unknown): PanelBoundaryState {
    return { error, failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`[gridwatch] the "${this.props.name}" panel failed:`, error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <PanelError
        error={this.state.error}
        variant={this.props.variant ?? 'panel'}
        onRetry={() => this.setState({ error: undefined, failed: false })}
      />
    )
  }
}

function PanelError({ error, variant, onRetry }: { error: unknown; variant: 'panel' | 'map-layer'; onRetry: () => void }) {
  const i18n = useI18n()
  return (
    <p className={`panel-error panel-error--${variant}`} role="alert">
      <span>{i18n.t('panel.failed', { detail: describeError(error, i18n) })}</span>
      <button type="button" className="link-button" onClick={onRetry}>
        {i18n.t('panel.retry')}
      </button>
    </p>
  )
}
