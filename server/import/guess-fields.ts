// First guesses for the Data view: which of a file's own columns holds the longitude, the id, the report date…,
// which layer the file most likely is, and what its status and class values mean in our vocabulary. Only
// guesses: the administrator confirms or changes every one before anything is imported. Pure: names in, names out.
import type { LayerName } from './profile.ts'

/** What a column can be mapped to, as the district profile names it. */
export type FieldRole =
  | 'lon'
  | 'lat'
  | 'id'
  | 'name'
  | 'name_en'
  | 'code'
  | 'reported_at'
  | 'closed_at'
  | 'category'
  | 'status'
  | 'class'
  | 'description'
  | 'height_m'
  | 'maintainer'
  | 'installed_at'

export type FieldGuess = Partial<Record<FieldRole, string>>

/** The roles each layer's profile entry has, in the order they are guessed (earlier roles take a column first). */
export const LAYER_ROLES: Readonly<Record<LayerName, readonly FieldRole[]>> = {
  zones: ['id', 'name', 'name_en', 'code'],
  streets: ['id', 'name', 'name_en', 'class'],
  lamps: ['lon', 'lat', 'id', 'status', 'height_m', 'maintainer', 'installed_at'],
  incidents: ['lon', 'lat', 'id', 'reported_at', 'closed_at', 'category', 'status', 'description'],
}

// Names as they are compared: lower case, without spaces, underscores, dashes and dots ("Point_X" → "pointx"), so
// one entry covers the spellings of Excel headers, Shapefile DBF columns and 12345-hotline exports alike.
const normalise = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[\s_\-.()（）]/g, '')

// Candidates per role, most telling first. Each is a normalised name matched whole; `contains` entries (CJK words
// that sit inside longer headers: 上报时间 in "事件上报时间") match anywhere in the name.
const CANDIDATES: Readonly<Record<FieldRole, { exact: readonly string[]; contains?: readonly string[] }>> = {
  lon: { exact: ['lon', 'lng', 'long', 'longitude', 'x', 'pointx', 'xcoord', 'coordx', 'gpsx', 'gpslon', 'gpslng', '经度', 'jd', '东经', 'x坐标'], contains: ['经度'] },
  lat: { exact: ['lat', 'latitude', 'y', 'pointy', 'ycoord', 'coordy', 'gpsy', 'gpslat', '纬度', 'wd', '北纬', 'y坐标'], contains: ['纬度'] },
  id: { exact: ['id', 'fid', 'objectid', 'oid', 'gid', 'caseid', 'caseno', 'casenumber', 'code', 'no', 'number', 'lampid', 'zoneid', 'roadid', 'streetid', '编号', '编码', '代码', '案件编号', '工单编号', '工单号', '路灯编号', '序号'], contains: ['编号', '工单号'] },
  name: { exact: ['name', 'roadname', 'streetname', 'zonename', 'title', 'mc', '名称', '路名', '道路名称', '街道名称', '街道', '片区名称', '名字'], contains: ['名称', '路名'] },
  name_en: { exact: ['nameen', 'enname', 'ename', 'englishname', 'nameenglish', '英文名', '英文名称'], contains: ['英文'] },
  code: { exact: ['code', 'adcode', 'admincode', 'districtcode', 'xzqdm', '行政区划代码', '区划代码', '代码'], contains: ['区划代码'] },
  reported_at: {
    exact: ['reportedat', 'reported', 'reportdate', 'reporttime', 'date', 'datetime', 'time', 'opened', 'opendt', 'opendate', 'createdat', 'created', 'createtime', 'requesteddatetime', '上报时间', '受理时间', '发生时间', '登记时间', '时间', '日期', '来电时间', '立案时间'],
    contains: ['上报时间', '受理时间', '来电时间', '发生时间', '立案时间'],
  },
  closed_at: { exact: ['closedat', 'closed', 'closeddt', 'closedt', 'closedate', 'closedtime', 'resolvedat', '结案时间', '办结时间', '关闭时间', '处理完成时间'], contains: ['结案时间', '办结时间'] },
  category: { exact: ['category', 'type', 'casetype', 'problemtype', 'servicename', 'servicecode', 'subject', 'lb', '类别', '类型', '问题类型', '案件类型', '事件类型', '问题分类', '小类', '大类'], contains: ['类别', '类型', '分类'] },
  status: { exact: ['status', 'state', 'zt', '状态', '处理状态', '案件状态', '路灯状态'], contains: ['状态'] },
  class: { exact: ['class', 'level', 'grade', 'roadclass', 'roadlevel', 'highway', 'fclass', 'roadtype', 'rank', 'dj', '等级', '道路等级', '道路级别', '级别'], contains: ['等级', '级别'] },
  description: { exact: ['description', 'desc', 'title', 'content', 'detail', 'details', 'summary', 'remark', 'remarks', '描述', '内容', '问题描述', '案件描述', '详情', '备注', '标题'], contains: ['描述', '内容'] },
  height_m: { exact: ['height', 'heightm', 'poleheight', 'lampheight', '灯高', '杆高', '高度'], contains: ['灯高', '杆高', '高度'] },
  maintainer: { exact: ['maintainer', 'owner', 'company', 'unit', '养护单位', '维护单位', '管理单位', '责任单位'], contains: ['养护', '维护单位', '管理单位'] },
  installed_at: { exact: ['installedat', 'installed', 'installdate', 'installdt', '安装时间', '安装日期', '建设时间'], contains: ['安装'] },
}

/** The column of `fieldNames` that most likely holds `role`, skipping those in `taken`; undefined when none fits. */
function guessRole(role: FieldRole, fieldNames: readonly string[], taken: ReadonlySet<string>): string | undefined {
  const { exact, contains = [] } = CANDIDATES[role]
  const free = fieldNames.filter((f) => !taken.has(f))
  const normalised = free.map(normalise)
  for (const candidate of exact) {
    const i = normalised.indexOf(candidate)
    if (i >= 0) return free[i]
  }
  for (const part of contains) {
    const i = normalised.findIndex((n) => n.includes(part))
    if (i >= 0) return free[i]
  }
  return undefined
}

/** The columns a `layer` profile entry would use, guessed from their names; a role without a likely column is left out. */
export function guessFieldMapping(fieldNames: readonly string[], layer: LayerName): FieldGuess {
  const taken = new Set<string>()
  const guess: FieldGuess = {}
  for (const role of LAYER_ROLES[layer]) {
    const field = guessRole(role, fieldNames, taken)
    if (field === undefined) continue
    guess[role] = field
    taken.add(field)
  }
  return guess
}

/**
 * The layer a file most likely is: polygons are zones, lines streets; points (a geometry or lon/lat columns) are
 * incidents when a report date or a category column is there, else lamps. Undefined when nothing says.
 * `fileName` breaks the tie for a point file whose columns say neither (灯/lamp, 12345/hotline/投诉).
 */
export function guessLayerKind(fieldNames: readonly string[], geometryType: string | null, fileName = ''): LayerName | undefined {
  if (geometryType === 'Polygon' || geometryType === 'MultiPolygon') return 'zones'
  if (geometryType === 'LineString' || geometryType === 'MultiLineString') return 'streets'
  if (/\.osm(\.pbf)?$/i.test(fileName)) return 'streets'
  const hasPoint = geometryType === 'Point' || geometryType === 'MultiPoint' || (guessRole('lon', fieldNames, new Set()) !== undefined && guessRole('lat', fieldNames, new Set()) !== undefined)
  if (!hasPoint) return undefined
  const name = fileName.toLowerCase()
  if (/lamp|light|路灯|灯/.test(name)) return 'lamps'
  if (/hotline|12345|incident|complaint|case|投诉|事件|案件|工单/.test(name)) return 'incidents'
  return guessRole('reported_at', fieldNames, new Set()) !== undefined || guessRole('category', fieldNames, new Set()) !== undefined ? 'incidents' : 'lamps'
}

// Value guesses for the roles whose values must be mapped onto ours. A value matching no rule is left for the
// administrator (and without a mapping or a default, its rows are rejected, never guessed at import time).
const VALUE_RULES: Readonly<Record<'lampStatus' | 'incidentStatus' | 'class', readonly [RegExp, string][]>> = {
  lampStatus: [
    [/^(不亮|故障|损坏|坏|灭|熄灭|out|broken|defective|fault|faulty|off|dark|not ?working)/i, 'defective_lamp'],
    [/(灯杆|杆体|倾斜|column|pole)/i, 'column_issue'],
    [/(灯罩|灯具破损|lantern)/i, 'broken_lantern'],
    [/^(正常|完好|亮|良好|ok|good|normal|working|on|lit)$/i, 'ok'],
  ],
  incidentStatus: [
    [/^(closed|close|resolved|done|completed|已结案|结案|已办结|办结|已关闭|关闭|已完成|完成)$/i, 'closed'],
    [/^(open|new|reported|submitted|pending|待受理|已上报|上报|新建|未处理|待处理)$/i, 'reported'],
    [/^(accepted|已受理|受理|立案|已立案)$/i, 'accepted'],
    [/^(dispatched|assigned|已派遣|派遣|已派单|派单)$/i, 'dispatched'],
    [/^(in ?progress|in ?handling|处理中|办理中|处置中)$/i, 'in_handling'],
    [/^(rejected|invalid|不予受理|作废|无效)$/i, 'rejected'],
  ],
  class: [
    [/^(arterial|primary|trunk|motorway|主干路?|主干道|快速路|一级)$/i, 'arterial'],
    [/^(secondary|tertiary|次干路?|次干道|二级)$/i, 'secondary'],
    [/^(branch|residential|unclassified|支路|三级)$/i, 'branch'],
    [/^(alley|service|living_street|footway|pedestrian|街巷|小巷|巷道|胡同|四级)$/i, 'alley'],
  ],
}

/** Our value for each of `values` a rule recognises; `kind` says which vocabulary. Unrecognised values are left out. */
export function guessValueMapping(kind: keyof typeof VALUE_RULES, values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const value of values) {
    const text = value.trim()
    const rule = VALUE_RULES[kind].find(([pattern]) => pattern.test(text))
    if (rule) out[value] = rule[1]
  }
  return out
}
