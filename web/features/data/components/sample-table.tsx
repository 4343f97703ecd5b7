// The file's first rows as read, every column: what the administrator checks the guessed mapping against.
import { useI18n } from '../../../lib/i18n.ts'
import type { UploadedFile } from '../api/upload-file.ts'

export function SampleTable({ upload }: { upload: UploadedFile }) {
  const { t, formatNumber } = useI18n()
  if (upload.sample.length === 0) return null
  return (
    <div className="data-table-scroll">
      <table className="data-table data-table--compact">
        <caption>{t('data.sampleCaption', { count: formatNumber(upload.sample.length) })}</caption>
        <thead>
          <tr>
            {upload.field_names.map((field) => (
              <th key={field} scope="col">
                {field}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {upload.sample.map((row, i) => (
            // rows have no id of their own before a mapping names one; their order is fixed
            <tr key={i}>
              {upload.field_names.map((field) => {
                const text = row[field] ?? ''
                return (
                  <td key={field} title={text.length > SHORT_CELL ? text : undefined}>
                    {text.length > SHORT_CELL ? `${text.slice(0, SHORT_CELL)}…` : text}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

// characters shown of a cell: a complaint's text or a WKT column would otherwise push every other column away
const SHORT_CELL = 40
