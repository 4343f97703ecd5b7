// The 中文 / English switch both pages put in their header. Each language is offered in its own name, so whoever
// cannot read the current one still finds theirs.
import { LOCALES, LOCALE_NAMES, type Locale } from './locale.ts'

export function LanguageSwitch({ locale, onChange, label }: { locale: Locale; onChange: (locale: Locale) => void; label: string }) {
  return (
    <div className="language-switch" role="group" aria-label={label}>
      {LOCALES.map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={option === locale} className="language-switch__option" onClick={() => onChange(option)}>
          {LOCALE_NAMES[option]}
        </button>
      ))}
    </div>
  )
}
