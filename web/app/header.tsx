import { SessionControl } from '../features/session/components/session-control.tsx'
import type { RoleName } from '../features/session/components/session-control.tsx'
import { useI18n } from '../lib/i18n.ts'
import { LanguageSwitch } from '../lib/language-switch.tsx'

export function Header({ demo, roles }: { demo: boolean; roles: readonly RoleName[] }) {
  const { t, locale, setLocale } = useI18n()
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <span className="app-header__subtitle">{t('app.subtitle')}</span>
        {demo && <span className="app-header__demo">{t('demo.short')}</span>}
      </div>
      <div className="app-header__actions">
        <SessionControl demo={demo} roles={roles} />
        <LanguageSwitch locale={locale} onChange={setLocale} label={t('language.label')} />
      </div>
    </header>
  )
}
