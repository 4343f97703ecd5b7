// A run under way: how far it is (layers and phases done, rows within a phase) and what it is doing now.
import { useI18n } from '../../../lib/i18n.ts'
import type { ImportRun } from '../api/run-import.ts'
import { LAYER_LABELS } from './data-labels.ts'

export function RunProgress({ run }: { run: ImportRun | undefined }) {
  const { t, lookup, formatNumber, formatPercent } = useI18n()
  const progress = run?.progress
  const fraction = progress?.fraction ?? 0
  return (
    <div className="data-progress" role="status">
      <progress max={1} value={fraction} aria-label={formatPercent(fraction)} />
      <span>
        {progress?.layer && progress.phase
          ? t('data.progress', { layer: t(LAYER_LABELS[progress.layer]), phase: lookup(`data.phase.${progress.phase}`, progress.phase), rows: formatNumber(progress.rows) })
          : t('data.progressStarting')}
      </span>
    </div>
  )
}
