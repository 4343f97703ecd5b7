// A refused upload, preview, run or save in full: the error in the user's language, then the server's own
// detail and the keys it names, so the administrator can see which column or setting to change.
import { describeError } from '../../../lib/describe-error.ts'
import { useI18n } from '../../../lib/i18n.ts'
import { ImportRunFailedError } from '../api/run-import.ts'
import { readProblemDetail } from './read-problem.ts'

export function ImportProblem({ error }: { error: unknown }) {
  const i18n = useI18n()
  const { detail, errors } = readProblemDetail(error)
  const summary = error instanceof ImportRunFailedError ? i18n.t('data.runFailed') : describeError(error, i18n)
  return (
    <div className="form-problem data-problem" role="alert">
      <p>
        <strong>{summary}</strong>
        {detail !== undefined && <span className="data-problem__detail">{detail}</span>}
      </p>
      {errors.length > 0 && (
        <ul className="data-reasons">
          {errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path !== '' && <code>{e.path}</code>} {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
