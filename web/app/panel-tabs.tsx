// The side panel's views as tabs (WAI-ARIA tabs pattern: arrow keys move between them, Home/End jump).
import type { KeyboardEvent } from 'react'
import { useI18n } from '../lib/i18n.ts'
import type { PanelMode } from './permissions.ts'

export const panelTabId = (mode: PanelMode) => `panel-tab-${mode}`
export const PANEL_BODY_ID = 'side-panel-body'

export interface PanelTabsProps {
  modes: readonly PanelMode[]
  active: PanelMode
  onChange: (mode: PanelMode) => void
}

export function PanelTabs({ modes, active, onChange }: PanelTabsProps) {
  const { t } = useI18n()
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = modes.indexOf(active)
    const next =
      event.key === 'ArrowRight' ? modes[(index + 1) % modes.length]
      : event.key === 'ArrowLeft' ? modes[(index - 1 + modes.length) % modes.length]
      : event.key === 'Home' ? modes[0]
      : event.key === 'End' ? modes.at(-1)
      : undefined
    if (next === undefined) return
    event.preventDefault()
    onChange(next)
    document.getElementById(panelTabId(next))?.focus()
  }
  return (
    <div className="panel-tabs" role="tablist" aria-label={t('panel.views')} onKeyDown={move}>
      {modes.map((mode) => (
        <button
          key={mode}
          id={panelTabId(mode)}
          type="button"
          role="tab"
          aria-selected={mode === active}
          aria-controls={PANEL_BODY_ID}
          tabIndex={mode === active ? 0 : -1}
          className="panel-tabs__tab"
          onClick={() => onChange(mode)}
        >
          {/* the case view's, the overview's and the planning view's names live with their features' messages */}
          {mode === 'cases' ? t('cases.tab') : mode === 'overview' ? t('kpis.tab') : mode === 'planning' ? t('planning.tab') : t(`mode.${mode}`)}
        </button>
      ))}
    </div>
  )
}
