import { useState } from 'react'
import { useI18n } from '../lib/i18n.ts'

const STORAGE_KEY = 'gridwatch.demoNotice'

/** Whether the note was folded away on this browser before (kept until the browser's storage is cleared). */
function readFolded(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'folded'
  } catch {
    return false // storage off (private mode): the note shows
  }
}

/**
 * Says plainly which data is generated and which is OpenStreetMap's, over the map where it cannot be missed. Folded,
 * it shrinks to its badge — the map is never shown as real data without it — and the badge opens it again.
 */
export function DemoNotice() {
  const { t } = useI18n()
  const [folded, setFolded] = useState(readFolded)
  const fold = (next: boolean) => {
    setFolded(next)
    try {
      window.localStorage.setItem(STORAGE_KEY, next ? 'folded' : 'open')
    } catch {
      // not remembered; the choice holds until the page reloads
    }
  }
  if (folded) {
    return (
      <aside className="demo-notice demo-notice--folded" aria-label={t('demo.badge')}>
        <button type="button" className="demo-notice__badge" aria-expanded={false} title={t('demo.show')} onClick={() => fold(false)}>
          {t('demo.badge')}
        </button>
      </aside>
    )
  }
  return (
    <aside className="demo-notice" aria-label={t('demo.badge')}>
      <div className="demo-notice__head">
        <strong className="demo-notice__badge">{t('demo.badge')}</strong>
        <button type="button" className="demo-notice__fold" aria-expanded={true} onClick={() => fold(true)}>
          {t('demo.hide')}
        </button>
      </div>
      <p className="demo-notice__text">{t('demo.explanation')}</p>
    </aside>
  )
}
