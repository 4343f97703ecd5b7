// The UI's two languages as one typed dictionary: zh-CN is the source of truth, English must have every key.
import { createContext, use } from 'react'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const zhCN = {
  'app.title': 'Gridwatch 城市管理',
  'app.subtitle': '城市管理局 · 离线地图',
  'language.label': '界面语言',
  'demo.badge': '演示数据 / Demonstration data',
  'demo.explanation':
    '路灯、事件、街道辖区和街道分类是生成的演示数据，并非真实记录；街道、建筑和水系数据 © OpenStreetMap contributors（ODbL 许可）。',
  'session.signIn': '登录',
  'session.signOut': '退出',
  'session.username': '用户名',
  'session.password': '密码',
  'session.submit': '登录',
  'session.cancel': '取消',
  'session.signingIn': '正在登录…',
  'session.formLabel': '登录 Gridwatch',
  'session.demoHint': '演示账号：{usernames}，密码 {password}',
  'session.signedInAs': '当前用户：{name}',
  'map.label': '地图',
  'map.loading': '地图加载中…',
  'map.failed': '地图无法初始化（需要 WebGL）：{detail}',
  'panel.label': '图层与图例',
  'panel.layers': '图层',
  'panel.loading': '加载中…',
  'panel.retry': '重试',
  'panel.failed': '此面板出错：{detail}',
  'panel.total': '合计',
  'panel.basemap': '底图',
  'layer.streets': '街道分类',
  'layer.lamps': '路灯',
  'layer.incidents': '事件上报',
  'layer.density': '事件密度',
  'layer.zones': '街道辖区',
  'layer.intersections': '路口',
  'legend.cluster': '聚合点（数字为事件数，点击放大）',
  'legend.densityNote': '按事件点数量着色的密度图，仅反映分布疏密，不是热点（统计显著性）分析。',
  'legend.densityLow': '稀',
  'legend.densityHigh': '密',
  'legend.zonesNote': '边界线与辖区名称',
  'legend.intersectionsNote': '放大到 16 级以上显示',
  'legend.lampFaults': '故障合计',
  'streetCategory.demonstration': '示范街',
  'streetCategory.regulated': '规范街',
  'streetCategory.commercial': '商业街',
  'lampStatus.ok': '正常',
  'lampStatus.defective_lamp': '灯具故障',
  'lampStatus.column_issue': '灯杆问题',
  'lampStatus.broken_lantern': '灯罩破损',
  'incidentStatus.reported': '已上报',
  'incidentStatus.accepted': '已立案',
  'incidentStatus.dispatched': '已派遣',
  'incidentStatus.in_handling': '处置中',
  'incidentStatus.handled': '已处置',
  'incidentStatus.closed': '已结案',
  'incidentStatus.rejected': '不予立案',
  'incidentSource.hotline': '12345 热线',
  'incidentSource.patrol': '监督员巡查',
  'incidentSource.public_web': '公众网上上报',
  'incidentSource.api': '系统接口',
  'highway.motorway': '高速公路',
  'highway.trunk': '快速路',
  'highway.primary': '主干路',
  'highway.secondary': '次干路',
  'highway.tertiary': '支路',
  'highway.residential': '生活性道路',
  'highway.unclassified': '一般道路',
  'highway.living_street': '居住区街道',
  'highway.pedestrian': '步行街',
  'highway.service': '服务性道路',
  'field.name': '名称',
  'field.highway': '道路等级',
  'field.category': '分类',
  'field.length': '长度',
  'field.status': '状态',
  'field.height': '灯杆高度',
  'field.maintainer': '养护单位',
  'field.street': '所在街道',
  'field.installedAt': '安装日期',
  'field.reportedAt': '上报时间',
  'field.closedAt': '结案时间',
  'field.source': '来源',
  'field.description': '描述',
  'field.code': '区划代码',
  'field.streets': '相交道路',
  'field.degree': '路口方向数',
  'value.unnamed': '（无名道路）',
  'value.none': '—',
  'unit.meters': '{value} 米',
  'error.invalid-query': '请求参数无效',
  'error.invalid-param': '请求参数无效',
  'error.not-found': '未找到数据',
  'error.too-large': '数据量过大，请缩小范围',
  'error.conflict': '数据已被修改，请刷新',
  'error.internal': '服务器内部错误',
  'error.unauthenticated': '登录后可查看',
  'error.forbidden': '当前账号无权查看',
  'error.csrf': '请求来源不被允许',
  'error.rate-limited': '尝试次数过多，请稍后再试',
  'error.invalid-body': '提交的内容无效',
  'error.invalid-credentials': '用户名或密码错误',
  'error.network': '无法连接服务器',
  'error.unknown': '加载失败（{status}）',
} as const

export type MessageKey = keyof typeof zhCN
type Messages = Record<MessageKey, string>

const en: Messages = {
  'app.title': 'Gridwatch Urban Management',
  'app.subtitle': 'Urban-management bureau · offline map',
  'language.label': 'Interface language',
  'demo.badge': '演示数据 / Demonstration data',
  'demo.explanation':
    'Lamps, incidents, sub-district zones and street categories are generated demonstration data, not real records; streets, buildings and water © OpenStreetMap contributors (ODbL).',
  'session.signIn': 'Sign in',
  'session.signOut': 'Sign out',
  'session.username': 'Username',
  'session.password': 'Password',
  'session.submit': 'Sign in',
  'session.cancel': 'Cancel',
  'session.signingIn': 'Signing in…',
  'session.formLabel': 'Sign in to Gridwatch',
  'session.demoHint': 'Demo accounts: {usernames}, password {password}',
  'session.signedInAs': 'Signed in as {name}',
  'map.label': 'Map',
  'map.loading': 'Loading map…',
  'map.failed': 'The map could not start (WebGL is required): {detail}',
  'panel.label': 'Layers and legend',
  'panel.layers': 'Layers',
  'panel.loading': 'Loading…',
  'panel.retry': 'Retry',
  'panel.failed': 'This panel failed: {detail}',
  'panel.total': 'Total',
  'panel.basemap': 'Basemap',
  'layer.streets': 'Street categories',
  'layer.lamps': 'Street lamps',
  'layer.incidents': 'Reported incidents',
  'layer.density': 'Incident density',
  'layer.zones': 'Sub-district zones',
  'layer.intersections': 'Intersections',
  'legend.cluster': 'Cluster (number of incidents; click to zoom in)',
  'legend.densityNote':
    'Shaded by how many incident points lie close together: density only, not a hotspot (statistical significance) analysis.',
  'legend.densityLow': 'sparse',
  'legend.densityHigh': 'dense',
  'legend.zonesNote': 'Boundaries and zone names',
  'legend.intersectionsNote': 'Shown from zoom 16',
  'legend.lampFaults': 'Faults in total',
  'streetCategory.demonstration': 'Demonstration street',
  'streetCategory.regulated': 'Regulated street',
  'streetCategory.commercial': 'Commercial street',
  'lampStatus.ok': 'Working',
  'lampStatus.defective_lamp': 'Defective lamp',
  'lampStatus.column_issue': 'Column issue',
  'lampStatus.broken_lantern': 'Broken lantern',
  'incidentStatus.reported': 'Reported',
  'incidentStatus.accepted': 'Accepted',
  'incidentStatus.dispatched': 'Dispatched',
  'incidentStatus.in_handling': 'In handling',
  'incidentStatus.handled': 'Handled',
  'incidentStatus.closed': 'Closed',
  'incidentStatus.rejected': 'Rejected',
  'incidentSource.hotline': '12345 hotline',
  'incidentSource.patrol': 'Inspector patrol',
  'incidentSource.public_web': 'Public web report',
  'incidentSource.api': 'System interface',
  'highway.motorway': 'Motorway',
  'highway.trunk': 'Trunk road',
  'highway.primary': 'Primary road',
  'highway.secondary': 'Secondary road',
  'highway.tertiary': 'Tertiary road',
  'highway.residential': 'Residential road',
  'highway.unclassified': 'Minor road',
  'highway.living_street': 'Living street',
  'highway.pedestrian': 'Pedestrian street',
  'highway.service': 'Service road',
  'field.name': 'Name',
  'field.highway': 'Road class',
  'field.category': 'Category',
  'field.length': 'Length',
  'field.status': 'Status',
  'field.height': 'Pole height',
  'field.maintainer': 'Maintainer',
  'field.street': 'Street',
  'field.installedAt': 'Installed',
  'field.reportedAt': 'Reported',
  'field.closedAt': 'Closed',
  'field.source': 'Source',
  'field.description': 'Description',
  'field.code': 'Division code',
  'field.streets': 'Streets',
  'field.degree': 'Arms',
  'value.unnamed': '(unnamed street)',
  'value.none': '—',
  'unit.meters': '{value} m',
  'error.invalid-query': 'Invalid request parameters',
  'error.invalid-param': 'Invalid request parameter',
  'error.not-found': 'Not found',
  'error.too-large': 'Too much data; narrow the request',
  'error.conflict': 'The data was changed meanwhile; reload',
  'error.internal': 'Server error',
  'error.unauthenticated': 'Sign in to see this layer',
  'error.forbidden': 'Your account may not see this',
  'error.csrf': 'Request from another site refused',
  'error.rate-limited': 'Too many attempts; try again later',
  'error.invalid-body': 'Invalid input',
  'error.invalid-credentials': 'Wrong username or password',
  'error.network': 'Cannot reach the server',
  'error.unknown': 'Loading failed ({status})',
}

const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

// The bureau works in China Standard Time, so times read the same whatever the viewer's machine is set to
const DISPLAY_TIME_ZONE = 'Asia/Shanghai'

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
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key)
}

export function createI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const messages = MESSAGES[locale]
  const t: I18n['t'] = (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole))
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const dateTimes = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: DISPLAY_TIME_ZONE,
  })
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: DISPLAY_TIME_ZONE })
  const formatWith = (format: Intl.DateTimeFormat, iso: string): string => {
    const date = new Date(iso)
    return Number.isNaN(date.getTime()) ? iso : format.format(date)
  }
  return {
    locale,
    setLocale,
    t,
    lookup: (key, fallback) => (isMessageKey(key) ? t(key) : fallback),
    formatNumber: (value) => numbers.format(value),
    formatDateTime: (iso) => formatWith(dateTimes, iso),
    formatDate: (iso) => formatWith(dates, iso),
    formatMeters: (meters) => t('unit.meters', { value: numbers.format(Math.round(meters)) }),
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

const LOCALE_STORAGE_KEY = 'gridwatch.locale'

/** The saved choice, else zh-CN: the bureau's staff read Chinese, English is the opt-in. */
export function readStoredLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(LOCALE_STORAGE_KEY)
    return LOCALES.find((l) => l === saved) ?? 'zh-CN'
  } catch {
    return 'zh-CN' // storage can be disabled by policy on locked-down intranet browsers
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // not persisting is fine: the choice still holds for this page
  }
}

export const I18nContext = createContext<I18n | null>(null)

export function useI18n(): I18n {
  const i18n = use(I18nContext)
  if (!i18n) throw new Error('useI18n needs <I18nContext> above it (see web/app/provider.tsx)')
  return i18n
}
