// The report page's own two-language dictionary (issue 7): citizens read a few dozen plain messages, none of the
// staff app's. zh-CN is the source of truth and the default; English must have every key.
import { createContext, use } from 'react'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const zhCN = {
  'app.title': '城市管理问题上报',
  'app.lead': '发现垃圾、占道经营、路灯不亮等问题？告诉我们，城管局会派人处理，您可以随时查询进度。',
  'app.demo': '演示',
  'app.demoNote': '演示系统：数据为生成的示例数据',
  'app.footer': '时间均为北京时间。地图数据 © OpenStreetMap contributors',
  'language.label': '界面语言',
  'tabs.label': '上报或查询',
  'common.retry': '重试',
  'tab.report': '我要上报',
  'tab.track': '查询进度',
  'form.label': '上报问题',
  'form.fixErrors': '请先修改标出的内容。',
  'field.category': '类别',
  'category.choose': '请选择问题类别',
  'category.loading': '类别加载中…',
  'category.event': '事件',
  'category.component': '部件',
  'category.required': '请选择问题类别',
  'category.loadFailed': '类别列表加载失败：{reason}',
  'field.location': '位置',
  'location.hint': '在地图上点按问题所在的位置；放大地图后再点按可调整。',
  'location.useMine': '使用我的位置',
  'location.locating': '正在定位…',
  'location.none': '尚未选择位置',
  'location.chosen': '已选位置：北纬 {lat}，东经 {lon}',
  'location.near': '靠近{street}',
  'location.accuracy': '定位精度约 {distance}',
  'location.required': '请在地图上点按问题位置，或使用我的位置',
  'location.denied': '您没有允许定位。请在地图上点按问题位置，或在浏览器设置中允许本网站获取位置。',
  'location.unavailable': '暂时无法获取您的位置，请在地图上点按问题位置。',
  'location.timeout': '定位超时，请重试或在地图上点按问题位置。',
  'location.insecure': '当前连接不支持定位（需要 HTTPS），请在地图上点按问题位置。',
  'location.unsupported': '此浏览器不支持定位，请在地图上点按问题位置。',
  'location.outside': '您所在的位置不在本系统的服务范围内，请在地图上点按问题位置。',
  'map.label': '选择问题位置的地图',
  'map.loading': '地图加载中…',
  'map.failed': '地图无法显示（{detail}）。您仍可使用“使用我的位置”。',
  'map.basemapFailed': '部分底图加载失败，地图可能不完整。',
  'map.zoomIn': '放大',
  'map.zoomOut': '缩小',
  'field.description': '描述',
  'description.hint': '请说明是什么问题，以及具体位置（门牌号、店名、路口等）。',
  'description.count': '{count}/{max} 字',
  'description.required': '请描述问题',
  'description.invalid': '请描述问题（最多 4000 字）',
  'field.phone': '手机号（选填）',
  'phone.hint': '仅供处理人员联系您核实情况，不会公开。',
  'phone.invalid': '请填写 5–20 位数字的电话号码',
  'field.photo': '照片（选填）',
  'photo.hint': 'JPEG、PNG 或 WebP 格式，不超过 5 MB。',
  'photo.choose': '拍照或选择照片',
  'photo.change': '换一张照片',
  'photo.preview': '所选照片',
  'photo.remove': '移除照片',
  'photo.tooLarge': '照片太大（{size}），最大 5 MB。请换一张，或用较低分辨率重新拍摄。',
  'photo.wrongType': '只能上传 JPEG、PNG 或 WebP 格式的图片。',
  'submit.label': '提交',
  'submit.checking': '正在查找附近的相同问题…',
  'submit.sending': '正在提交…',
  'similar.title': '附近已有相同问题的报告：这是同一个问题吗？',
  'similar.lead': '如果是同一个问题，把您的报告加入其中可以让它更快得到处理。',
  'similar.distance': '相距约 {distance}',
  'similar.sameLamp': '同一盏路灯',
  'similar.reportedAt': '{time} 上报',
  'similar.count': '已有 {count} 人次上报',
  'similar.yes': '是，把我的报告加入这个问题',
  'similar.no': '不是，这是一个新问题',
  'similar.back': '返回修改',
  'receipt.title': '上报成功',
  'receipt.trackingLabel': '查询编号',
  'receipt.keep': '请保存此编号，用它查询处理进度，结案后还可以评价。',
  'receipt.copy': '复制编号',
  'receipt.copied': '已复制',
  'receipt.copyFailed': '无法自动复制，请长按编号手动复制。',
  'receipt.merged': '您的报告已并入附近已有的同一问题，将与其一并处理；用此编号可查询该问题的进度。',
  'receipt.lamp': '对应路灯编号：{lamp}',
  'receipt.photoUploading': '正在上传照片…',
  'receipt.photoUploaded': '照片已上传。',
  'receipt.photoFailed': '报告已提交，但照片没有上传成功：{reason}',
  'receipt.photoRetry': '重新上传照片',
  'receipt.track': '查看处理进度',
  'receipt.another': '再报一个问题',
  'track.label': '查询处理进度',
  'field.tracking': '查询编号',
  'tracking.hint': '上报成功时给出的编号，例如 GW261126ABC234。',
  'tracking.invalid': '查询编号为 GW 加 6 位数字和 6 位字母或数字，请核对。',
  'track.submit': '查询进度',
  'track.recent': '本机最近的上报',
  'track.loading': '正在查询…',
  'track.refresh': '刷新',
  'status.label': '处理进度',
  'status.tracking': '查询编号',
  'status.reportedAt': '上报时间',
  'status.deadline': '处理时限',
  'status.overdue': '已超过处理时限',
  'status.closedAt': '结案时间',
  'status.reportCount': '上报人次',
  'status.result': '处理结果',
  'status.merged': '您的报告已并入同一问题的已有案件，以下是该案件的进度。',
  'state.reported': '已上报',
  'state.accepted': '已立案',
  'state.dispatched': '已派遣',
  'state.in_handling': '处置中',
  'state.handled': '已处置待核查',
  'state.closed': '已结案',
  'state.rejected': '不予立案',
  'state.merged': '已合并',
  'stateNote.reported': '已收到您的报告，等待指挥中心审核立案。',
  'stateNote.accepted': '指挥中心已立案，即将派给责任单位。',
  'stateNote.dispatched': '已派给责任单位，等待处置。',
  'stateNote.in_handling': '责任单位正在处置。',
  'stateNote.handled': '责任单位已处置，等待监督员到现场核查。',
  'stateNote.closed': '监督员核查通过，已结案。',
  'stateNote.rejected': '经审核，此报告不予立案。',
  'stateNote.merged': '已与同一问题的其他报告合并处理。',
  'timeline.label': '处理记录',
  'action.report': '市民上报',
  'action.accept': '指挥中心立案',
  'action.reject': '不予立案',
  'action.dispatch': '派给责任单位',
  'action.handle': '责任单位处置完毕',
  'action.verify_pass': '监督员核查通过，结案',
  'action.verify_fail': '监督员核查未通过，责任单位返工',
  'action.request_extension': '责任单位申请延期',
  'action.approve_extension': '延期获批准',
  'action.refuse_extension': '延期未获批准',
  'action.return': '退回指挥中心重新派遣',
  'action.merge': '又有市民报告了同一问题',
  'action.escalate': '多人上报，已提高优先级',
  'action.rate': '市民评价',
  'rating.legend': '满意度评价',
  'rating.lead': '问题已处理完毕，请为处理结果打分。',
  'rating.stars': '{count} 星',
  'rating.oneStar': '1 星',
  'rating.word1': '很不满意',
  'rating.word2': '不满意',
  'rating.word3': '一般',
  'rating.word4': '满意',
  'rating.word5': '很满意',
  'rating.comment': '留言（选填）',
  'rating.submit': '评价',
  'rating.choose': '请选择 1–5 星',
  'rating.yours': '您的评价',
  'rating.thanks': '感谢您的评价！',
  'rating.already': '此案件已经评价过了。',
  'rating.mergedNote': '您的报告已并入其他案件，该案件由首位上报人评价。',
  'error.invalid-body': '提交的内容有误，请检查标出的项目。',
  'error.invalid-param': '查询编号格式不正确。',
  'error.invalid-query': '请求参数有误。',
  'error.not-a-repeat': '您选择的问题已结案或不在此位置附近，请重新提交，作为新问题上报。',
  'error.rate-limited': '提交过于频繁，请稍后再试。',
  'error.rateLimitedWait': '提交过于频繁，请 {wait}后再试。',
  'error.too-large': '照片太大，最大 5 MB。',
  'error.unsupported-media-type': '只能上传 JPEG、PNG 或 WebP 格式的图片。',
  'error.not-found': '没有找到这个查询编号，请核对后重试。',
  'error.conflict': '状态已经变化，请刷新后再试。',
  'error.csrf': '请求来源不被允许，请从本网站的页面提交。',
  'error.internal': '服务器出错，请稍后再试。',
  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.unknown': '请求失败（{status}）',
  'unit.meters': '{value} 米',
  'unit.megabytes': '{value} MB',
  'unit.kilobytes': '{value} KB',
  'unit.seconds': '{value} 秒',
  'unit.minutes': '{value} 分钟',
  'unit.minutesSeconds': '{minutes} 分 {seconds} 秒',
}

export type MessageKey = keyof typeof zhCN
type Messages = Record<MessageKey, string>

const en: Messages = {
  'app.title': 'Report a city problem',
  'app.lead': 'Seen rubbish, a street stall in the way or a street lamp that is out? Tell us: the bureau sends someone to deal with it, and you can follow the progress.',
  'app.demo': 'Demo',
  'app.demoNote': 'Demonstration system: the data is generated sample data',
  'app.footer': 'All times are China Standard Time. Map data © OpenStreetMap contributors',
  'language.label': 'Language',
  'tabs.label': 'Report or track',
  'common.retry': 'Try again',
  'tab.report': 'Report',
  'tab.track': 'Track',
  'form.label': 'Report a problem',
  'form.fixErrors': 'Please correct the marked fields first.',
  'field.category': 'Category',
  'category.choose': 'Choose a category',
  'category.loading': 'Loading the categories…',
  'category.event': 'Events',
  'category.component': 'Street furniture',
  'category.required': 'Choose a category',
  'category.loadFailed': 'The categories could not be loaded: {reason}',
  'field.location': 'Location',
  'location.hint': 'Tap the map where the problem is; zoom in and tap again to adjust.',
  'location.useMine': 'Use my location',
  'location.locating': 'Finding your location…',
  'location.none': 'No location chosen yet',
  'location.chosen': 'Chosen: {lat} N, {lon} E',
  'location.near': 'near {street}',
  'location.accuracy': 'accurate to about {distance}',
  'location.required': 'Tap the map where the problem is, or use your location',
  'location.denied': 'Location access was not allowed. Tap the map instead, or allow this site to use your location in the browser settings.',
  'location.unavailable': 'Your location is not available right now; tap the map instead.',
  'location.timeout': 'Finding your location took too long; try again or tap the map.',
  'location.insecure': 'This connection cannot share your location (it needs HTTPS); tap the map instead.',
  'location.unsupported': 'This browser cannot share your location; tap the map instead.',
  'location.outside': 'You are outside the area this service covers; tap the map where the problem is.',
  'map.label': 'Map for choosing the location',
  'map.loading': 'Loading the map…',
  'map.failed': 'The map cannot be shown ({detail}). You can still use “Use my location”.',
  'map.basemapFailed': 'Part of the map did not load; it may be incomplete.',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'field.description': 'Description',
  'description.hint': 'Say what the problem is and exactly where (house number, shop name, junction…).',
  'description.count': '{count}/{max} characters',
  'description.required': 'Describe the problem',
  'description.invalid': 'Describe the problem (at most 4000 characters)',
  'field.phone': 'Phone (optional)',
  'phone.hint': 'Only for staff to contact you about this report; never made public.',
  'phone.invalid': 'A phone number has 5–20 digits',
  'field.photo': 'Photo (optional)',
  'photo.hint': 'JPEG, PNG or WebP, at most 5 MB.',
  'photo.choose': 'Take or choose a photo',
  'photo.change': 'Choose another photo',
  'photo.preview': 'Chosen photo',
  'photo.remove': 'Remove photo',
  'photo.tooLarge': 'The photo is too large ({size}); the limit is 5 MB. Choose another or take it at a lower resolution.',
  'photo.wrongType': 'Only JPEG, PNG or WebP images can be uploaded.',
  'submit.label': 'Submit',
  'submit.checking': 'Looking for the same problem nearby…',
  'submit.sending': 'Submitting…',
  'similar.title': 'There are reports of the same problem nearby. Is this the same problem?',
  'similar.lead': 'If it is, adding your report to it helps get it dealt with sooner.',
  'similar.distance': 'about {distance} away',
  'similar.sameLamp': 'the same street lamp',
  'similar.reportedAt': 'reported {time}',
  'similar.count': '{count} reports so far',
  'similar.yes': 'Yes, add my report to it',
  'similar.no': 'No, it’s a new problem',
  'similar.back': 'Back to editing',
  'receipt.title': 'Report received',
  'receipt.trackingLabel': 'Tracking number',
  'receipt.keep': 'Keep this number: it lets you follow your report and rate the result once it is closed.',
  'receipt.copy': 'Copy number',
  'receipt.copied': 'Copied',
  'receipt.copyFailed': 'Copying did not work; press and hold the number to copy it.',
  'receipt.merged': 'We merged your report into an existing case for the same problem nearby; this number follows that case.',
  'receipt.lamp': 'Street lamp number: {lamp}',
  'receipt.photoUploading': 'Uploading the photo…',
  'receipt.photoUploaded': 'Photo uploaded.',
  'receipt.photoFailed': 'Your report is in, but the photo was not uploaded: {reason}',
  'receipt.photoRetry': 'Upload the photo again',
  'receipt.track': 'See the progress',
  'receipt.another': 'Report another problem',
  'track.label': 'Track a report',
  'field.tracking': 'Tracking number',
  'tracking.hint': 'The number you got when you reported, e.g. GW261126ABC234.',
  'tracking.invalid': 'A tracking number is GW, 6 digits and 6 letters or digits; please check it.',
  'track.submit': 'Track',
  'track.recent': 'Recent reports from this device',
  'track.loading': 'Looking it up…',
  'track.refresh': 'Refresh',
  'status.label': 'Progress',
  'status.tracking': 'Tracking number',
  'status.reportedAt': 'Reported',
  'status.deadline': 'Due by',
  'status.overdue': 'Overdue',
  'status.closedAt': 'Closed',
  'status.reportCount': 'Reports',
  'status.result': 'Result',
  'status.merged': 'Your report was merged into an existing case for the same problem; this is that case’s progress.',
  'state.reported': 'Reported',
  'state.accepted': 'Accepted',
  'state.dispatched': 'Dispatched',
  'state.in_handling': 'Being handled',
  'state.handled': 'Handled, awaiting check',
  'state.closed': 'Closed',
  'state.rejected': 'Not accepted',
  'state.merged': 'Merged',
  'stateNote.reported': 'We have your report; the command centre will review it.',
  'stateNote.accepted': 'The command centre accepted it and will send it to the responsible unit.',
  'stateNote.dispatched': 'Sent to the responsible unit, waiting to be handled.',
  'stateNote.in_handling': 'The responsible unit is working on it.',
  'stateNote.handled': 'The responsible unit reports it done; an inspector will check on site.',
  'stateNote.closed': 'An inspector confirmed the fix; the case is closed.',
  'stateNote.rejected': 'After review, this report was not taken up.',
  'stateNote.merged': 'Handled together with another report of the same problem.',
  'timeline.label': 'History',
  'action.report': 'Reported by a citizen',
  'action.accept': 'Accepted by the command centre',
  'action.reject': 'Not accepted',
  'action.dispatch': 'Sent to the responsible unit',
  'action.handle': 'Handled by the responsible unit',
  'action.verify_pass': 'Checked by an inspector and closed',
  'action.verify_fail': 'Inspector’s check failed; sent back for more work',
  'action.request_extension': 'The unit asked for more time',
  'action.approve_extension': 'More time granted',
  'action.refuse_extension': 'More time refused',
  'action.return': 'Returned to the command centre to be re-sent',
  'action.merge': 'Someone else reported the same problem',
  'action.escalate': 'Several reports: priority raised',
  'action.rate': 'Rated by the reporter',
  'rating.legend': 'How satisfied are you?',
  'rating.lead': 'The problem has been dealt with. Please rate the result.',
  'rating.stars': '{count} stars',
  'rating.oneStar': '1 star',
  'rating.word1': 'Very unsatisfied',
  'rating.word2': 'Unsatisfied',
  'rating.word3': 'Neutral',
  'rating.word4': 'Satisfied',
  'rating.word5': 'Very satisfied',
  'rating.comment': 'Comment (optional)',
  'rating.submit': 'Rate',
  'rating.choose': 'Choose 1 to 5 stars',
  'rating.yours': 'Your rating',
  'rating.thanks': 'Thank you for your rating!',
  'rating.already': 'This case has already been rated.',
  'rating.mergedNote': 'Your report was merged into another case, which is rated by its first reporter.',
  'error.invalid-body': 'Some of what you entered is not valid; see the marked fields.',
  'error.invalid-param': 'That tracking number is not in the right format.',
  'error.invalid-query': 'The request was not valid.',
  'error.not-a-repeat': 'The problem you chose is closed or not near this place any more; submit again as a new problem.',
  'error.rate-limited': 'Too many submissions; please try again later.',
  'error.rateLimitedWait': 'Too many submissions; please try again in {wait}.',
  'error.too-large': 'The photo is too large; the limit is 5 MB.',
  'error.unsupported-media-type': 'Only JPEG, PNG or WebP images can be uploaded.',
  'error.not-found': 'No report has this tracking number; please check it.',
  'error.conflict': 'Something changed in the meantime; refresh and try again.',
  'error.csrf': 'Requests are only accepted from this site’s own pages.',
  'error.internal': 'The server had a problem; please try again later.',
  'error.network': 'The server cannot be reached; check your connection and try again.',
  'error.unknown': 'The request failed ({status})',
  'unit.meters': '{value} m',
  'unit.megabytes': '{value} MB',
  'unit.kilobytes': '{value} KB',
  'unit.seconds': '{value} s',
  'unit.minutes': '{value} min',
  'unit.minutesSeconds': '{minutes} min {seconds} s',
}

const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

export const MESSAGE_KEYS = Object.keys(zhCN).filter(isMessageKey)

// The bureau works in China Standard Time: a deadline reads the same on a phone set to any other zone
const DISPLAY_TIME_ZONE = 'Asia/Shanghai'
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
  const t: ReportI18n['t'] = (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole))
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const dateTimes = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: DISPLAY_TIME_ZONE,
  })
  return {
    locale,
    setLocale,
    t,
    lookup: (key, fallback) => (isMessageKey(key) ? t(key) : fallback),
    formatDateTime: (iso) => {
      const date = new Date(iso)
      return Number.isNaN(date.getTime()) ? iso : dateTimes.format(date)
    },
    formatMeters: (meters) => t('unit.meters', { value: numbers.format(Math.round(meters)) }),
    formatFileSize: (bytes) =>
      bytes < BYTES_PER_MEBIBYTE
        ? t('unit.kilobytes', { value: Math.max(1, Math.ceil(bytes / 1024)) })
        : t('unit.megabytes', { value: numbers.format(bytes / BYTES_PER_MEBIBYTE) }),
    formatDuration: (seconds) => {
      const whole = Math.max(0, Math.ceil(seconds))
      const minutes = Math.floor(whole / 60)
      const rest = whole % 60
      if (minutes === 0) return t('unit.seconds', { value: rest })
      return rest === 0 ? t('unit.minutes', { value: minutes }) : t('unit.minutesSeconds', { minutes, seconds: rest })
    },
    categoryName: ({ name, name_en }) => (locale === 'en' ? name_en || name : name || name_en),
  }
}

const LOCALE_STORAGE_KEY = 'gridwatch.report.locale'

/** The saved choice, else zh-CN: most citizens read Chinese, English is the opt-in. */
export function readStoredLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(LOCALE_STORAGE_KEY)
    return LOCALES.find((l) => l === saved) ?? 'zh-CN'
  } catch {
    return 'zh-CN' // storage can be off (private browsing in some in-app browsers)
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // not persisting is fine: the choice still holds for this page
  }
}

export const ReportI18nContext = createContext<ReportI18n | null>(null)

export function useReportI18n(): ReportI18n {
  const i18n = use(ReportI18nContext)
  if (!i18n) throw new Error('useReportI18n needs <ReportI18nContext> above it (see web/report/provider.tsx)')
  return i18n
}
