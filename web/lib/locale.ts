// What the staff app and the citizens' report page share about languages: the two locales, how a choice is kept,
// how messages are filled and how times are shown. Each page keeps its own dictionary (web/lib/i18n.ts,
// web/report/i18n.ts); this is the machinery under both.
import { useEffect } from 'react'
import { districtCalendar } from './district-calendar.ts'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** Each language named in itself, for the switch. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { 'zh-CN': '中文', en: 'English' }

/** The saved choice under `storageKey`, or zh-CN. */
export function readStoredLocale(storageKey: string): Locale {
  try {
    const saved = window.localStorage.getItem(storageKey)
    return LOCALES.find((l) => l === saved) ?? 'zh-CN'
  } catch {
    return 'zh-CN' // storage can be disabled by policy (locked-down intranet browsers, some in-app browsers)
  }
}

export function storeLocale(storageKey: string, locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale)
  } catch {
    // not persisting is fine: the choice still holds for this page
  }
}

/** Keeps the choice, `<html lang>` and the page title in step with the language. */
export function useLocaleDocument(storageKey: string, locale: Locale, title: string): void {
  useEffect(() => {
    storeLocale(storageKey, locale)
    document.documentElement.lang = locale
    document.title = title
  }, [storageKey, locale, title])
}

/** `template` with `{name}` placeholders filled from `params`; unknown names stay as written. */
export function fillMessage(template: string, params?: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole))
}

/** Date and time in the district's zone, 24-hour: a case "due 18:00" means 18:00 there, whatever the device's clock says. */
export function createDateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: districtCalendar.timeZone })
}

/** An ISO 8601 timestamp through `format`; an unparsable one is returned as is. */
export function formatIso(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : format.format(date)
}

type DurationKey = 'unit.seconds' | 'unit.minutes' | 'unit.minutesSeconds'

/** A wait in seconds as minutes and seconds ("45 秒", "4 分 30 秒", "5 分钟"), worded by the page's dictionary. */
export function formatDuration(seconds: number, t: (key: DurationKey, params: Record<string, number>) => string): string {
  const whole = Math.max(0, Math.ceil(seconds))
  const minutes = Math.floor(whole / 60)
  const rest = whole % 60
  if (minutes === 0) return t('unit.seconds', { value: rest })
  return rest === 0 ? t('unit.minutes', { value: minutes }) : t('unit.minutesSeconds', { minutes, seconds: rest })
}
