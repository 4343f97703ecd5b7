import { useI18n } from '../lib/i18n.ts'

/** Says plainly which data is generated and which is OpenStreetMap's, over the map where it cannot be missed. */
export function DemoNotice() {
  const { t } = useI18n()
  return (
    <aside className="demo-notice" aria-label={t('demo.badge')}>
      <strong className="demo-notice__badge">{t('demo.badge')}</strong>
      <p className="demo-notice__text">{t('demo.explanation')}</p>
    </aside>
  )
}
