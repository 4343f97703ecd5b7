// DEMONSTRATION DATA: how each event category's demo incidents are generated — how many, where (commercial
// streets, busy junctions, or streets weighted by category and lighting class), when (month and hour profiles) and
// who reports them. The profiles are demo assumptions, not measured data; incidents.ts applies them.

import type { IncidentSource } from '../../server/kernel/statuses.ts'
import type { Street } from '../../server/kernel/records.ts'
import type { LampClassId } from './lamps.ts'

type StreetCategoryWeights = Readonly<Record<Street['category'], number>>
type LampClassWeights = Readonly<Record<LampClassId, number>>
type SourceWeights = Readonly<Record<IncidentSource, number>>

/** How one event category is generated. Shares say where an incident lands; weights are relative. */
export interface IncidentRecipe {
  code: string // INCIDENT_CATEGORIES code
  count: number // incidents over the window
  shares: { commercialStreets: number; busyIntersections: number; streets: number } // sum to 1
  streetWeights: StreetCategoryWeights // for the `streets` share, × street length
  classWeights: LampClassWeights // for the `streets` share, × the above
  offsetM: number // standard deviation of the sideways offset from the street centreline
  monthWeights: readonly number[] // Jan … Dec
  hourWeights: readonly number[] // 00 … 23 China time
  sources: SourceWeights
  handleHours: number // mean hours from starting work to handled
  descriptions: readonly string[] // '{street}' is replaced by the street name
}

// Month profiles (Jan … Dec). Spring Festival falls in late Jan / Feb: more garbage, fewer building jobs;
// summer evenings bring street food and barbecue out (demo assumptions, not measured data).
const FLAT_MONTHS = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
const VENDING_MONTHS = [0.9, 1.2, 1, 1, 1.1, 1.2, 1.3, 1.3, 1.2, 1.1, 1, 0.9]
const BARBECUE_MONTHS = [0.3, 0.35, 0.5, 0.8, 1.3, 1.9, 2.3, 2.3, 1.6, 1, 0.6, 0.4]
const SANITATION_MONTHS = [1.1, 1.4, 1, 0.9, 0.9, 1.1, 1.3, 1.3, 1, 1, 1, 1]
const CONSTRUCTION_MONTHS = [0.8, 0.5, 1.1, 1.2, 1.2, 1.1, 1, 1, 1.1, 1.1, 1, 0.9]

// Hour profiles (00 … 23): patrol/office hours; vending at the morning and evening peaks; barbecue at night.
const DAYTIME_HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.6, 1, 1.5, 2, 2, 1.8, 1.5, 1.6, 1.8, 1.8, 1.6, 1.4, 1, 0.8, 0.6, 0.5, 0.4, 0.3]
const VENDING_HOURS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2, 1.8, 1.2, 1, 1.2, 1.4, 1, 0.8, 0.9, 1.2, 2, 2.4, 2.6, 2.2, 1.5, 0.8, 0.4]
const NIGHT_HOURS = [1.5, 1, 0.5, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.2, 0.2, 0.2, 0.3, 0.8, 2, 3, 3.2, 3, 2.6, 2]
// lamp outages are noticed after dark
export const EVENING_HOURS = [0.8, 0.4, 0.2, 0.1, 0.1, 0.2, 0.4, 0.6, 0.8, 0.8, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.8, 1.5, 2.5, 3, 2.8, 2.2, 1.4]

const PUBLIC_SOURCES: SourceWeights = { hotline: 0.4, patrol: 0.4, public_web: 0.15, api: 0.05 }
const PATROL_SOURCES: SourceWeights = { hotline: 0.2, patrol: 0.7, public_web: 0.08, api: 0.02 }
export const LAMP_SOURCES: SourceWeights = { hotline: 0.7, patrol: 0.07, public_web: 0.2, api: 0.03 }

const ANY_CLASS: LampClassWeights = { alley: 1, branch: 1, secondary: 1, arterial: 1 }
const SMALL_STREETS: LampClassWeights = { alley: 3, branch: 1.5, secondary: 0.3, arterial: 0.15 }

/** The event categories' recipes; counts sum to ~8,600, lamp outages add ~3,000 (derived from the lamps). */
export const INCIDENT_RECIPES: readonly IncidentRecipe[] = [
  {
    code: '0501',
    count: 2000,
    shares: { commercialStreets: 0.45, busyIntersections: 0.35, streets: 0.2 },
    streetWeights: { commercial: 1, demonstration: 0.6, regulated: 1 },
    classWeights: ANY_CLASS,
    offsetM: 4,
    monthWeights: VENDING_MONTHS,
    hourWeights: VENDING_HOURS,
    sources: PUBLIC_SOURCES,
    handleHours: 1,
    descriptions: ['{street}有流动摊贩占道经营', '{street}路口游商聚集，影响通行', '{street}人行道上有无照游商摆摊'],
  },
  {
    code: '0504',
    count: 1500,
    shares: { commercialStreets: 0.55, busyIntersections: 0.1, streets: 0.35 },
    streetWeights: { commercial: 1, demonstration: 0.5, regulated: 1 },
    classWeights: { alley: 1, branch: 1.5, secondary: 1.2, arterial: 0.6 },
    offsetM: 5,
    monthWeights: VENDING_MONTHS,
    hourWeights: DAYTIME_HOURS,
    sources: PUBLIC_SOURCES,
    handleHours: 4,
    descriptions: ['{street}沿街商铺店外经营', '{street}店铺占用人行道摆放商品', '{street}餐馆外摆桌椅占道'],
  },
  {
    code: '0510',
    count: 800,
    shares: { commercialStreets: 0.35, busyIntersections: 0.3, streets: 0.35 },
    streetWeights: { commercial: 1, demonstration: 0.2, regulated: 1 },
    classWeights: { alley: 1.5, branch: 1.5, secondary: 0.5, arterial: 0.2 },
    offsetM: 5,
    monthWeights: BARBECUE_MONTHS,
    hourWeights: NIGHT_HOURS,
    sources: PUBLIC_SOURCES,
    handleHours: 1,
    descriptions: ['{street}有露天烧烤，油烟扰民', '{street}路边烧烤摊占道经营', '{street}夜间露天烧烤，群众投诉'],
  },
  {
    code: '0102',
    count: 1200,
    shares: { commercialStreets: 0, busyIntersections: 0, streets: 1 },
    streetWeights: { commercial: 1, demonstration: 0.3, regulated: 1 },
    classWeights: SMALL_STREETS,
    offsetM: 3,
    monthWeights: SANITATION_MONTHS,
    hourWeights: DAYTIME_HOURS,
    sources: PUBLIC_SOURCES,
    handleHours: 2,
    descriptions: ['{street}路边有暴露垃圾', '{street}垃圾桶满溢，垃圾散落', '{street}巷口生活垃圾无人清理'],
  },
  {
    code: '0103',
    count: 700,
    shares: { commercialStreets: 0, busyIntersections: 0, streets: 1 },
    streetWeights: { commercial: 0.5, demonstration: 0.3, regulated: 1 },
    classWeights: SMALL_STREETS,
    offsetM: 5,
    monthWeights: SANITATION_MONTHS,
    hourWeights: DAYTIME_HOURS,
    sources: PUBLIC_SOURCES,
    handleHours: 24,
    descriptions: ['{street}积存建筑垃圾渣土', '{street}装修垃圾长期堆积', '{street}渣土未及时清运'],
  },
  {
    code: '0104',
    count: 1000,
    shares: { commercialStreets: 0, busyIntersections: 0, streets: 1 },
    streetWeights: { commercial: 1, demonstration: 0.4, regulated: 1 },
    classWeights: SMALL_STREETS,
    offsetM: 2,
    monthWeights: SANITATION_MONTHS,
    hourWeights: DAYTIME_HOURS,
    sources: PUBLIC_SOURCES,
    handleHours: 2,
    descriptions: ['{street}路面不洁，有油污', '{street}路面积泥，清扫不及时', '{street}人行道污渍杂物较多'],
  },
  {
    code: '0101',
    count: 500,
    shares: { commercialStreets: 0, busyIntersections: 0, streets: 1 },
    streetWeights: { commercial: 0.2, demonstration: 0.05, regulated: 1 },
    // residential blocks: residential/unclassified ways are 'branch', service and living streets 'alley'
    classWeights: { alley: 1.5, branch: 1, secondary: 0.1, arterial: 0 },
    offsetM: 15, // inside the block rather than on the carriageway
    monthWeights: CONSTRUCTION_MONTHS,
    hourWeights: DAYTIME_HOURS,
    sources: PATROL_SOURCES,
    handleHours: 120,
    descriptions: ['{street}附近有违章搭建', '{street}沿街私自加建雨棚', '{street}小区内私搭乱建'],
  },
  {
    code: '0507',
    count: 900,
    shares: { commercialStreets: 0, busyIntersections: 0, streets: 1 },
    streetWeights: { commercial: 0, demonstration: 0, regulated: 1 },
    classWeights: ANY_CLASS,
    offsetM: 4,
    monthWeights: FLAT_MONTHS,
    hourWeights: DAYTIME_HOURS,
    sources: PUBLIC_SOURCES,
    handleHours: 8,
    descriptions: ['{street}人行道乱堆物料', '{street}沿街乱堆杂物', '{street}占道堆放建材'],
  },
]
