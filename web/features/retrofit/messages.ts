// The words of the planner's lamp retrofit plan, in both languages. zh-CN is the source of truth; the English table must name
// every key (its type says so). web/lib/i18n.ts composes every feature's messages into the one dictionary.
import type { Translation } from '../../lib/messages.ts'

export const retrofitMessagesZh = {
  'retrofit.title': '路灯改造规划',
  'retrofit.intro': '二期小街小巷照明改造：按规范间距在黑暗路段补设路灯的建议方案。',
  'retrofit.legendProposed': '建议新增路灯',
  'retrofit.proposedCount': '建议新增',
  'retrofit.litBefore': '改造前亮灯率',
  'retrofit.litAfter': '改造后亮灯率',
  'retrofit.shareChange': '亮灯率由 {before} 提高到 {after}',
  'retrofit.downloadCsv': '导出 CSV',
  'retrofit.downloadGeojson': '导出 GeoJSON',
  'retrofit.proposedLamp': '建议新增路灯 {id}',
  'retrofit.spacing': '设计间距',
  'retrofit.showPlan': '在地图上显示',
} as const

export const retrofitMessagesEn: Translation<typeof retrofitMessagesZh> = {
  'retrofit.title': 'Lighting retrofit plan',
  'retrofit.intro': 'Phase-2 small-street lighting retrofit: lamps proposed along the dark stretches at standard spacing.',
  'retrofit.legendProposed': 'Proposed lamp',
  'retrofit.proposedCount': 'Proposed lamps',
  'retrofit.litBefore': 'Lit share now',
  'retrofit.litAfter': 'Lit share after',
  'retrofit.shareChange': 'Lit share rises from {before} to {after}',
  'retrofit.downloadCsv': 'Download CSV',
  'retrofit.downloadGeojson': 'Download GeoJSON',
  'retrofit.proposedLamp': 'Proposed lamp {id}',
  'retrofit.spacing': 'Design spacing',
  'retrofit.showPlan': 'Show on the map',
}
