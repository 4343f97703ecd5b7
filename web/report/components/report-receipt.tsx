// After 提交: the tracking number, large and copyable, and the photo's upload behind it.
import { useRef, useState } from 'react'
import type { Ref } from 'react'
import type { CreatedReport } from '../api/create-report.ts'
import { useReportI18n } from '../i18n.ts'
import { describeReportError } from '../lib/describe-error.ts'

export interface ReportReceiptProps {
  headingRef: Ref<HTMLHeadingElement>
  created: CreatedReport
  /** The photo sent after the report; null when none was chosen. */
  photo: { state: 'idle' | 'pending' | 'success' | 'error'; error: unknown; retry: () => void } | null
  onTrack: () => void
  onReportAnother: () => void
}

/** Copies `text`; on an http intranet page (no Clipboard API) selects `element`'s text and asks the browser to copy it. */
async function copyText(text: string, element: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    if (!element) return false
    const range = document.createRange()
    range.selectNodeContents(element)
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    // deprecated, but the only copy an insecure context has; the selection stays for a manual copy if it fails
    return document.execCommand('copy')
  }
}

export function ReportReceipt({ headingRef, created, photo, onTrack, onReportAnother }: ReportReceiptProps) {
  const i18n = useReportI18n()
  const { t } = i18n
  const numberRef = useRef<HTMLElement>(null)
  const [copied, setCopied] = useState<boolean | null>(null)

  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" ref={headingRef} tabIndex={-1} className="receipt__title">
        <span aria-hidden="true" className="receipt__check">
          ✓
        </span>
        {t('receipt.title')}
      </h2>
      {created.repeat_of !== undefined && <p className="notice">{t('receipt.merged')}</p>}
      <div className="receipt__card">
        <dl className="receipt__number-row">
          <dt className="receipt__label">{t('receipt.trackingLabel')}</dt>
          <dd ref={numberRef} className="receipt__number">
            {created.tracking_number}
          </dd>
        </dl>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void copyText(created.tracking_number, numberRef.current).then(setCopied)}
        >
          {t('receipt.copy')}
        </button>
        <p className="receipt__copied" role="status">
          {copied === true ? t('receipt.copied') : copied === false ? t('receipt.copyFailed') : ''}
        </p>
      </div>
      <p className="receipt__keep">{t('receipt.keep')}</p>
      {created.lamp_id && <p className="receipt__lamp">{t('receipt.lamp', { lamp: created.lamp_id })}</p>}
      {photo && (
        <p className={`receipt__photo${photo.state === 'error' ? ' receipt__photo--error' : ''}`} role={photo.state === 'error' ? 'alert' : 'status'}>
          {photo.state === 'pending' && t('receipt.photoUploading')}
          {photo.state === 'success' && t('receipt.photoUploaded')}
          {photo.state === 'error' && (
            <>
              {t('receipt.photoFailed', { reason: describeReportError(photo.error, i18n) })}{' '}
              <button type="button" className="link-button" onClick={photo.retry}>
                {t('receipt.photoRetry')}
              </button>
            </>
          )}
        </p>
      )}
      <div className="receipt__actions">
        <button type="button" className="button button--primary button--block" onClick={onTrack}>
          {t('receipt.track')}
        </button>
        <button type="button" className="button button--secondary button--block" onClick={onReportAnother}>
          {t('receipt.another')}
        </button>
      </div>
    </section>
  )
}
