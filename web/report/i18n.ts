// The report page's own two-language dictionary: citizens read a few dozen plain messages (messages.ts), none of
// the staff app's. zh-CN is the source of truth and the default; English must have every key. This file holds the
// machinery: lookup, placeholders, sizes and times.
import { createContext, use } from 'react'
import { createDateTimeFormat, fillMessage, formatDuration, formatIso, type Locale } from '../lib/locale.ts'
import { reportMessagesEn, reportMessagesZh } from './messages.ts'

export { LOCALES, type Locale } from '../lib/locale.ts'

const zhCN = reportMessagesZh

export type MessageKey = keyof typeof zhCN
type Messages = Record<MessageKey, string>

const en: Messages = reportMessagesEn

const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

export const MESSAGE_KEYS = Object.keys(zhCN).filter(isMessageKey)

// 1 MiB: the 5 MiB photo limit (server/store/photo-files.ts) is shown in these as "5 MB", as phones label sizes
const BYTES_PER_MEBIBYTE = 1024 * 1024

export interface ReportI18n {
  locale: Locale
  setLocale: (locale: Locale) => void
  /** The message for `key`, with `{name}` placeholders filled from `params`. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string
  /** For keys built from server data (a new state, an unknown action): the message, or `fallback`. */
  lookup: (key: string, fallback: string) => string
  /** An ISO 8601 timestamp as date and time in China Standard Time; an unparsable one is returned as is. */
  formatDateTime: (iso: string) => string
  formatMeters: (meters: number) => string
  /** A file size: kibibytes below 1 MiB ("46 KB"), else mebibytes with one decimal ("6.2 MB"). */
  formatFileSize: (bytes: number) => string
  /** A wait in seconds as minutes and seconds: "45 秒", "4 分 30 秒", "5 分钟". */
  formatDuration: (seconds: number) => string
  /** A category's name in the interface language, falling back to the other one. */
  categoryName: (category: { name: string; name_en: string }) => string
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key)
}

export function createReportI18n(locale: Locale, setLocale: (locale: Locale) => void): ReportI18n {
  const messages = MESSAGES[locale]
  const t: ReportI18n['t'] = (key, params) => fillMessage(messages[key], params)
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const dateTimes = createDateTimeFormat(locale)
  return {
    locale,
    setLocale,
    t,
    lookup: (key, fallback) => (isMessageKey(key) ? t(key) : fallback),
    formatDateTime: (iso) => formatIso(dateTimes, iso),
    formatMeters: (meters) => t('unit.meters', { value: numbers.format(Math.round(meters)) }),
    formatFileSize: (bytes) =>
      bytes < BYTES_PER_MEBIBYTE
        ? t('unit.kilobytes', { value: Math.max(1, Math.ceil(bytes / 1024)) })
        : t('unit.megabytes', { value: numbers.format(bytes / BYTES_PER_MEBIBYTE) }),
    formatDuration: (seconds) => formatDuration(seconds, t),
    categoryName: ({ name, name_en }) => (locale === 'en' ? name_en || name : name || name_en),
  }
}

export const LOCALE_STORAGE_KEY = 'gridwatch.report.locale'

export const ReportI18nContext = createContext<ReportI18n | null>(null)

export function useReportI18n(): ReportI18n {
  const i18n = use(ReportI18nContext)
  if (!i18n) throw new Error('useReportI18n needs <ReportI18nContext> above it (see web/report/provider.tsx)')
  return i18n
}
