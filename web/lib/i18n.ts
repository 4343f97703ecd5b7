// The UI's two languages as one typed dictionary: zh-CN is the source of truth, English must have every key. The
// words live with what they name (each feature's messages.ts, the shared ones in messages.ts); this file composes
// them and holds the machinery: lookup, placeholders, number, length and time formats.
import { createContext, use } from 'react'
import { auditMessagesEn, auditMessagesZh } from '../features/audit/messages.ts'
import { briefingMessagesEn, briefingMessagesZh } from '../features/briefings/messages.ts'
import { casesMessagesEn, casesMessagesZh } from '../features/cases/messages.ts'
import { dataMessagesEn, dataMessagesZh } from '../features/data/messages.ts'
import { hotspotMessagesEn, hotspotMessagesZh } from '../features/hotspots/messages.ts'
import { kpiMessagesEn, kpiMessagesZh } from '../features/kpis/messages.ts'
import { lightingMessagesEn, lightingMessagesZh } from '../features/lighting/messages.ts'
import { planningMessagesEn, planningMessagesZh } from '../features/planning/messages.ts'
import { retrofitMessagesEn, retrofitMessagesZh } from '../features/retrofit/messages.ts'
import { sessionMessagesEn, sessionMessagesZh } from '../features/session/messages.ts'
import { userMessagesEn, userMessagesZh } from '../features/users/messages.ts'
import { districtCalendar } from './district-calendar.ts'
import { createDateTimeFormat, fillMessage, formatDuration, formatIso, type Locale } from './locale.ts'
import { sharedMessagesEn, sharedMessagesZh } from './messages.ts'

export { LOCALES, type Locale } from './locale.ts'

// One dictionary per language, composed from the shared words and each feature's. Prefixes keep the parts apart
// (a feature's keys start with its name); i18n.test.ts checks that no key is defined twice.
export const MESSAGE_PARTS = [sharedMessagesZh, auditMessagesZh, briefingMessagesZh, casesMessagesZh, dataMessagesZh, hotspotMessagesZh, kpiMessagesZh, lightingMessagesZh, planningMessagesZh, retrofitMessagesZh, sessionMessagesZh, userMessagesZh] as const

const zhCN = {
  ...sharedMessagesZh,
  ...auditMessagesZh,
  ...briefingMessagesZh,
  ...casesMessagesZh,
  ...dataMessagesZh,
  ...hotspotMessagesZh,
  ...kpiMessagesZh,
  ...lightingMessagesZh,
  ...planningMessagesZh,
  ...retrofitMessagesZh,
  ...sessionMessagesZh,
  ...userMessagesZh,
}

export type MessageKey = keyof typeof zhCN

/** Every message key, for tests that check the two languages against each other. */
export const MESSAGE_KEYS = Object.keys(zhCN).filter(isMessageKey)
type Messages = Record<MessageKey, string>

const en: Messages = {
  ...sharedMessagesEn,
  ...auditMessagesEn,
  ...briefingMessagesEn,
  ...casesMessagesEn,
  ...dataMessagesEn,
  ...hotspotMessagesEn,
  ...kpiMessagesEn,
  ...lightingMessagesEn,
  ...planningMessagesEn,
  ...retrofitMessagesEn,
  ...sessionMessagesEn,
  ...userMessagesEn,
}

const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

export interface I18n {
  locale: Locale
  setLocale: (locale: Locale) => void
  /** The message for `key`, with `{name}` placeholders filled from `params`. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string
  /** For keys built from server data (a new status, an unknown road class): the message, or `fallback`. */
  lookup: (key: string, fallback: string) => string
  formatNumber: (value: number) => string
  /** An ISO 8601 timestamp as date and time in China Standard Time; an unparsable one is returned as is. */
  formatDateTime: (iso: string) => string
  formatDate: (iso: string) => string
  formatMeters: (meters: number) => string
  /** Metres as kilometres with two decimals (10 m steps), for district-sized lengths. */
  formatKilometers: (meters: number) => string
  /** A share 0..1 as a percentage with one decimal. */
  formatPercent: (share: number) => string
  /** A wait in seconds as minutes and seconds: "45 秒", "4 分 30 秒", "5 分钟". */
  formatDuration: (seconds: number) => string
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key)
}

export function createI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const messages = MESSAGES[locale]
  const t: I18n['t'] = (key, params) => fillMessage(messages[key], params)
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const dateTimes = createDateTimeFormat(locale)
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: districtCalendar.timeZone })
  const kilometers = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const percents = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return {
    locale,
    setLocale,
    t,
    lookup: (key, fallback) => (isMessageKey(key) ? t(key) : fallback),
    formatNumber: (value) => numbers.format(value),
    formatDateTime: (iso) => formatIso(dateTimes, iso),
    formatDate: (iso) => formatIso(dates, iso),
    formatMeters: (meters) => t('unit.meters', { value: numbers.format(Math.round(meters)) }),
    formatKilometers: (meters) => t('unit.kilometers', { value: kilometers.format(meters / 1000) }),
    formatPercent: (share) => percents.format(share),
    formatDuration: (seconds) => formatDuration(seconds, t),
  }
}

/** A name as the API gives it: Chinese `name`, English `name_en`, either possibly missing. */
export interface LocalizedName {
  name: string | null
  name_en: string | null
}

/** The name in the interface language, falling back to the other one; null when there is neither. */
export function pickName(locale: Locale, { name, name_en }: LocalizedName): string | null {
  return locale === 'en' ? (name_en ?? name) : (name ?? name_en)
}

export const LOCALE_STORAGE_KEY = 'gridwatch.locale'

export const I18nContext = createContext<I18n | null>(null)

export function useI18n(): I18n {
  const i18n = use(I18nContext)
  if (!i18n) throw new Error('useI18n needs <I18nContext> above it (see web/app/provider.tsx)')
  return i18n
}
