// The incident taxonomy (docs/domain-notes.md §2): event classes (事件) and the street-lamp component class (部件).
// Codes are the ids. Configurable: a deployment replaces this table (see README "Configuration").

export interface IncidentCategory {
  code: string
  kind: 'event' | 'component'
  name: string // zh-CN
  nameEn: string
}

export const INCIDENT_CATEGORIES: readonly IncidentCategory[] = [
  { code: '0101', kind: 'event', name: '私搭乱建', nameEn: 'Illegal construction' },
  { code: '0102', kind: 'event', name: '暴露垃圾', nameEn: 'Exposed garbage' },
  { code: '0103', kind: 'event', name: '积存垃圾渣土', nameEn: 'Accumulated garbage and debris' },
  { code: '0104', kind: 'event', name: '道路不洁', nameEn: 'Dirty road' },
  { code: '0501', kind: 'event', name: '无照经营游商', nameEn: 'Unlicensed street vending' },
  { code: '0504', kind: 'event', name: '店外经营', nameEn: 'Shop spill-over' },
  { code: '0507', kind: 'event', name: '乱堆物堆料', nameEn: 'Illegal stacking of goods' },
  { code: '0510', kind: 'event', name: '露天烧烤', nameEn: 'Open-air barbecue' },
  { code: '0118', kind: 'component', name: '路灯故障', nameEn: 'Street lamp outage' },
]

export const INCIDENT_CATEGORY_CODES = INCIDENT_CATEGORIES.map((c) => c.code)

/** The component class whose reports name a lamp: an open one means the lamp is out, whatever its status says. */
export const LAMP_OUTAGE_CATEGORY = '0118'
