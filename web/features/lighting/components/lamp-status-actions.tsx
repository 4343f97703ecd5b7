// One click to change a lamp: mark a broken lamp repaired, or report a working one broken with its fault kind.
// Shown only to roles that may change lamps (crew, admin); the server checks the role and the crew's zones.
import { LAMP_STATUSES } from '../../../../server/kernel/statuses.ts'
import { readRequestFailure } from '../../../lib/api.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useI18n } from '../../../lib/i18n.ts'
import type { LampStatusValue } from '../api/update-lamp-status.ts'
import { useUpdateLampStatus } from '../api/update-lamp-status.ts'

const FAULTS: readonly LampStatusValue[] = LAMP_STATUSES.filter((status) => status !== 'ok')

export interface LampStatusActionsProps {
  lampId: string
  /** Lit as the dark-zone analysis counts it: status ok and no open outage report. */
  working: boolean
  /** Only the repair button, for the rows of the work list. */
  repairOnly?: boolean
  /** The version the crew is looking at (the lamp layer has it); without it the lamp is read just before the write. */
  version?: number
  /** The lamp's status now, when known: the change can then be undone for a few seconds. */
  status?: LampStatusValue | undefined
}

export function LampStatusActions({ lampId, working, repairOnly = false, version, status: current }: LampStatusActionsProps) {
  const i18n = useI18n()
  const { t } = i18n
  const update = useUpdateLampStatus()
  const set = (status: LampStatusValue) => update.mutate({ id: lampId, status, version, previous: current })

  return (
    <div className="lamp-actions">
      {!working ? (
        // 'ok' also closes the lamp's open outage reports, which is what makes an 'ok' but unlit lamp count again
        <button type="button" className="small-button small-button--go" disabled={update.isPending} onClick={() => set('ok')}>
          {update.isPending ? t('lighting.saving') : t('lighting.markRepaired')}
        </button>
      ) : (
        !repairOnly && (
          <div className="lamp-actions__faults" role="group" aria-label={t('lighting.reportFault')}>
            <span className="lamp-actions__label">{t('lighting.reportFault')}</span>
            {FAULTS.map((status) => (
              <button
                key={status}
                type="button"
                className="small-button small-button--danger"
                disabled={update.isPending}
                onClick={() => set(status)}
              >
                {t(`lampStatus.${status}`)}
              </button>
            ))}
          </div>
        )
      )}
      {update.error && (
        <p className="form-problem" role="alert">
          {/* a crew assigned to zones may change only their lamps (server/http/auth.ts mayActInZone) */}
          {readRequestFailure(update.error).code === 'forbidden' ? t('lighting.notYourLamp') : describeError(update.error, i18n)}
        </p>
      )}
    </div>
  )
}
