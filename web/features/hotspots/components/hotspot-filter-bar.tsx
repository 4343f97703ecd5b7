// What the analysis looks at: categories (none ticked = all), period, cell size and the FDR correction.
import { useId } from 'react'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { CategoryOption } from './category-option.ts'
import { CELL_CHOICES, toggleCategory } from './hotspot-filters.ts'
import type { CellChoice, HotspotFilters } from './hotspot-filters.ts'
import type { Period, PeriodPreset } from './hotspot-period.ts'
import { PERIOD_PRESETS, isCalendarDate } from './hotspot-period.ts'

export interface HotspotFilterBarProps {
  filters: HotspotFilters
  period: Period
  categories: readonly CategoryOption[]
  onChange: (filters: HotspotFilters) => void
}

const isPreset = (value: string): value is PeriodPreset => PERIOD_PRESETS.some((p) => p === value)
const isCell = (value: string): value is CellChoice => CELL_CHOICES.some((c) => c === value)

export function HotspotFilterBar({ filters, period, categories, onChange }: HotspotFilterBarProps) {
  const { t, locale } = useI18n()
  const periodId = useId()
  const cellId = useId()
  const set = (patch: Partial<HotspotFilters>) => onChange({ ...filters, ...patch })

  const choosePreset = (preset: PeriodPreset) =>
    // a custom period starts as the one on screen, so the two dates are valid from the first moment
    set({ period: preset === 'custom' ? { preset, from: period.from, to: period.lastDay } : { preset } })
  const setCustomDay = (which: 'from' | 'to', value: string) => {
    if (!isCalendarDate(value)) return
    set({ period: { from: period.from, to: period.lastDay, ...filters.period, preset: 'custom', [which]: value } })
  }

  return (
    <div className="hotspot-filters">
      <fieldset className="hotspot-filters__categories">
        <legend>{t('hotspots.categories')}</legend>
        <button
          type="button"
          className={`hotspot-chip${filters.categories.length === 0 ? ' hotspot-chip--on' : ''}`}
          aria-pressed={filters.categories.length === 0}
          onClick={() => set({ categories: [] })}
        >
          {t('hotspots.allCategories')}
        </button>
        {categories.map((category) => {
          const checked = filters.categories.includes(category.code)
          return (
            <label key={category.code} className={`hotspot-chip${checked ? ' hotspot-chip--on' : ''}`}>
              <input type="checkbox" checked={checked} onChange={() => set({ categories: toggleCategory(filters.categories, category.code) })} />
              {pickName(locale, category) ?? category.code}
            </label>
          )
        })}
      </fieldset>
      <div className="hotspot-filters__row">
        <label htmlFor={periodId}>{t('hotspots.period')}</label>
        <select id={periodId} value={filters.period.preset} onChange={(e) => isPreset(e.target.value) && choosePreset(e.target.value)}>
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`hotspots.preset.${preset}`)}
            </option>
          ))}
        </select>
      </div>
      {filters.period.preset === 'custom' && (
        <div className="hotspot-filters__row">
          <input
            type="date"
            aria-label={t('hotspots.customFrom')}
            value={period.from}
            max={period.lastDay}
            onChange={(e) => setCustomDay('from', e.target.value)}
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label={t('hotspots.customTo')}
            value={period.lastDay}
            min={period.from}
            onChange={(e) => setCustomDay('to', e.target.value)}
          />
        </div>
      )}
      <div className="hotspot-filters__row">
        <label htmlFor={cellId}>{t('hotspots.cellSize')}</label>
        <select id={cellId} value={filters.cell} onChange={(e) => isCell(e.target.value) && set({ cell: e.target.value })}>
          {CELL_CHOICES.map((cell) => (
            <option key={cell} value={cell}>
              {t(`hotspots.cell.${cell}`)}
            </option>
          ))}
        </select>
        <label className="hotspot-filters__check" title={t('hotspots.fdrHint')}>
          <input type="checkbox" checked={filters.fdr} onChange={(e) => set({ fdr: e.target.checked })} />
          {t('hotspots.fdr')}
        </label>
      </div>
    </div>
  )
}
