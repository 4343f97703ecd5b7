import { SessionControl } from '../features/session/components/session-control.tsx'
import type { RoleName } from '../features/session/components/session-control.tsx'
import { LOCALES, useI18n } from '../lib/i18n.ts'
import type { Locale } from '../lib/i18n.ts'

// Each language is offered in its own name, so whoever cannot read the current one still finds theirs.
const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' }

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
        <div className="language-switch" role="group" aria-label={t('language.label')}>
          {LOCALES.map((option) => (
            <button
              key={option}
              type="button"
              lang={option}
              aria-pressed={option === locale}
              className="language-switch__option"
              onClick={() => setLocale(option)}
            >
              {LOCALE_NAMES[option]}
            </button>
          ))}
        </div>
      </div>
    </header>
  )
}
