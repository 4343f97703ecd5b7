// The words for the Data view's tables: layers, profile keys, value groups and their targets. Typed by the
// server's own unions, so a new layer or key fails the type-check until it is named here.
import type { I18n, LocalizedName, MessageKey } from '../../../lib/i18n.ts'
import { pickName } from '../../../lib/i18n.ts'
import type { FieldRole, LayerName, MappedRole } from './layer-form.ts'

/** An incident category as the page knows it (GET /api/meta): the national codes and the district's own. */
export interface CategoryChoice extends LocalizedName {
  code: string
}

export const LAYER_LABELS: Readonly<Record<LayerName, MessageKey>> = {
  zones: 'data.layer.zones',
  streets: 'data.layer.streets',
  lamps: 'data.layer.lamps',
  incidents: 'data.layer.incidents',
}

const FIELD_LABELS: Readonly<Record<FieldRole, MessageKey>> = {
  id: 'data.field.id',
  name: 'data.field.name',
  name_en: 'data.field.name_en',
  code: 'data.field.code',
  class: 'data.field.class',
  category: 'data.field.category',
  lon: 'data.field.lon',
  lat: 'data.field.lat',
  status: 'data.field.status',
  height_m: 'data.field.height_m',
  maintainer: 'data.field.maintainer',
  installed_at: 'data.field.installed_at',
  reported_at: 'data.field.reported_at',
  closed_at: 'data.field.closed_at',
  description: 'data.field.description',
}

/** A street's category is the planning one (示范/规范/商业), an incident's the complaint type: two different labels. */
export const fieldLabel = (layer: LayerName, role: FieldRole): MessageKey =>
  layer === 'streets' && role === 'category' ? 'data.field.streetCategory' : FIELD_LABELS[role]

const VALUE_GROUP_LABELS: Readonly<Record<MappedRole, MessageKey>> = {
  class: 'data.values.class',
  category: 'data.values.category',
  status: 'data.values.status',
}

export const valueGroupLabel = (layer: LayerName, role: MappedRole): MessageKey =>
  layer === 'streets' && role === 'category' ? 'data.values.streetCategory' : VALUE_GROUP_LABELS[role]

/** One of our values as an option reads: its name, with the code itself for categories (how ledgers cite them). */
export function describeTarget(layer: LayerName, role: MappedRole, target: string, i18n: I18n, categories: readonly CategoryChoice[]): string {
  const { lookup, locale } = i18n
  if (role === 'class') return lookup(`data.class.${target}`, target)
  if (role === 'status') return lookup(layer === 'lamps' ? `lampStatus.${target}` : `incidentStatus.${target}`, target)
  if (layer === 'streets') return lookup(`streetCategory.${target}`, target)
  const info = categories.find((c) => c.code === target)
  const name = info ? pickName(locale, info) : null
  return name ? `${target} ${name}` : target
}

/** A file's size as people read it: KB below a megabyte, else MB. */
export function formatFileSize(bytes: number, { t, formatNumber }: I18n): string {
  const KB = 1024
  return bytes < KB * KB ? t('data.sizeKb', { value: formatNumber(Math.max(0.1, bytes / KB)) }) : t('data.sizeMb', { value: formatNumber(bytes / KB / KB) })
}
