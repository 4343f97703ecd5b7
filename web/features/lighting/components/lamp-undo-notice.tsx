// "Marked L0012345 repaired. Undo" for a few seconds after a lamp change (api/lamp-undo.ts says why).
import { describeError } from '../../../lib/describe-error.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { useUndoableChange, withdrawUndo } from '../api/lamp-undo.ts'
import { useUpdateLampStatus } from '../api/update-lamp-status.ts'

export function LampUndoNotice() {
  const i18n = useI18n()
  const { t, lookup } = i18n
  const change = useUndoableChange()
  const undo = useUpdateLampStatus()
  if (!change && !undo.isSuccess && !undo.error) return null
  return (
    <div className="undo-notice" role="status">
      {change ? (
        <>
          <span>{t('lighting.changed', { id: change.lampId, status: lookup(`lampStatus.${change.next}`, change.next) })}</span>
          <button
            type="button"
            className="small-button"
            disabled={undo.isPending}
            onClick={() => {
              withdrawUndo()
              undo.mutate({ id: change.lampId, status: change.previous, version: change.version })
            }}
          >
            {t('lighting.undo')}
          </button>
        </>
      ) : undo.error ? (
        <span className="form-problem">{describeError(undo.error, i18n)}</span>
      ) : (
        undo.variables && <span>{t('lighting.undone', { id: undo.variables.id, status: lookup(`lampStatus.${undo.variables.status}`, undo.variables.status) })}</span>
      )}
    </div>
  )
}
