// The audit log (admin, leader): each write as one readable entry (when, who, what, on which record, and the
// fields it changed from → to), newest first, with older entries a click away.
import { useDeferredValue, useId, useState } from 'react'
import { addDays, isDateText as isCalendarDate } from '../../../lib/district-calendar.ts'
import { pickName, useI18n } from '../../../lib/i18n.ts'
import type { I18n, LocalizedName } from '../../../lib/i18n.ts'
import { QueryState } from '../../../lib/query-state.tsx'
import type { AuditEntry, AuditFilter } from '../api/get-audit.ts'
import { useAudit } from '../api/get-audit.ts'
import type { AuditChange } from './list-audit-changes.ts'
import { listAuditChanges } from './list-audit-changes.ts'

export interface AuditRoleName extends LocalizedName {
  role: string
}

/** An incident category as the meta endpoint names it. */
export interface AuditCategoryName {
  code: string
  name: string
  name_en: string
}

/** An action as a reader says it: the case workflow's steps in the case view's own words, the rest from the log's. */
function describeAction(action: string, { lookup }: I18n): string {
  const step = /^case\.(.+)$/.exec(action)?.[1]
  const own = lookup(`auditAction.${action}`, '')
  if (own) return own
  return step ? lookup(`cases.action.${step}`, action) : action
}

// Every kind of record the server audits (an entity not listed here still shows, under its raw name).
const ENTITIES = ['case', 'lamp', 'street', 'guidance-point', 'measure', 'briefing', 'user', 'zone', 'district', 'incident'] as const

// fields holding an instant as milliseconds (the case workflow's clocks)
const isMillisField = (field: string) => field.endsWith('Ms')

// Accounts the server writes as, not people: seeding and the anonymous public.
const SYSTEM_ACTORS = new Set(['system', 'anonymous'])

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function formatValue(
  change: AuditChange,
  side: 'before' | 'after',
  entity: string,
  roles: readonly AuditRoleName[],
  categories: readonly AuditCategoryName[],
  i18n: I18n,
): string {
  const { t, lookup, locale, formatDateTime, formatNumber } = i18n
  const value = change[side]
  const categoryName = (code: string) => {
    const info = categories.find((c) => c.code === code)
    return info && t('audit.categoryNamed', { name: pickName(locale, { name: info.name, name_en: info.name_en }) ?? code, code })
  }
  const roleName = (role: string) => {
    const info = roles.find((r) => r.role === role)
    return (info && pickName(locale, info)) ?? role
  }
  if (value === undefined || value === null) return t('value.none')
  if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no')
  if (typeof value === 'number') return isMillisField(change.field) ? formatDateTime(new Date(value).toISOString()) : formatNumber(value)
  if (typeof value === 'string') {
    if (change.field === 'status' && entity === 'lamp') return lookup(`lampStatus.${value}`, value)
    if (change.field === 'status' && (entity === 'incident' || entity === 'case')) return lookup(`incidentStatus.${value}`, value)
    if (change.field === 'status' && entity === 'guidance-point') return lookup(`planning.status.${value}`, value)
    if (change.field === 'category' && entity === 'street') return lookup(`streetCategory.${value}`, value)
    if (change.field === 'category') return categoryName(value) ?? value
    if (change.field === 'stage') return lookup(`audit.stage.${value}`, value)
    return ISO_INSTANT.test(value) ? formatDateTime(value) : value
  }
  if (Array.isArray(value)) {
    // an account with no zones may act in every zone (server/http/auth.ts mayActInZone)
    if (value.length === 0) return change.field === 'zoneIds' || change.field === 'zone_ids' ? t('users.allZones') : t('value.none')
    const items = value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
    return (change.field === 'roles' ? items.map(roleName) : items).join('、')
  }
  return JSON.stringify(value)
}

/** The record an entry is about, as a reader names it: an account by its username, anything else by its id. */
function describeTarget(entry: AuditEntry, i18n: I18n): string | undefined {
  if (entry.entity_id === null) return undefined
  const entityName = i18n.lookup(`auditEntity.${entry.entity}`, entry.entity)
  const named = [entry.after, entry.before].find((side) => isRecord(side) && typeof side.username === 'string')
  const label = isRecord(named) && typeof named.username === 'string' ? named.username : entry.entity_id
  return `${entityName} ${label}`
}

/** Where a record opens in the app (a link), and the in-page way to go there; undefined for records with no view. */
export interface AuditObjectLinks {
  href: (entity: string, id: string) => string | undefined
  open: (entity: string, id: string) => void
}

export function AuditLogPanel({ roles, categories, links }: { roles: readonly AuditRoleName[]; categories: readonly AuditCategoryName[]; links?: AuditObjectLinks }) {
  const i18n = useI18n()
  const { t, formatNumber } = i18n
  const headingId = useId()
  const selectId = useId()
  const userId = useId()
  const fromId = useId()
  const toId = useId()
  const [who, setWho] = useState('')
  const [fromDate, setFromDate] = useState('')
  const [toDate, setToDate] = useState('')
  const [filter, setFilter] = useState<AuditFilter>({})
  // who and when narrow whatever record filter is chosen; the dates are district days, both included
  const username = useDeferredValue(who.trim())
  const audit = useAudit({
    ...filter,
    ...(username ? { username } : {}),
    ...(isCalendarDate(fromDate) ? { from: fromDate } : {}),
    ...(isCalendarDate(toDate) ? { to: addDays(toDate, 1) } : {}),
  })
  const entries = audit.data?.pages.flat() ?? []
  const focused = filter.entity_id !== undefined

  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <div className="panel-section__header">
        <h2 id={headingId} className="panel-title">
          {t('audit.title')}
        </h2>
        <button type="button" className="small-button" disabled={audit.isFetching} onClick={() => void audit.refetch()}>
          {t('audit.refresh')}
        </button>
      </div>
      <div className="panel-filters">
        <label htmlFor={selectId}>{t('audit.entity')}</label>
        <select
          id={selectId}
          value={filter.entity ?? ''}
          onChange={(event) => setFilter(event.target.value === '' ? {} : { entity: event.target.value })}
        >
          <option value="">{t('audit.allEntities')}</option>
          {ENTITIES.map((entity) => (
            <option key={entity} value={entity}>
              {t(`auditEntity.${entity}`)}
            </option>
          ))}
        </select>
        <span className="filter-pair">
          <label htmlFor={userId}>{t('audit.user')}</label>
          <input id={userId} type="search" className="audit-filter__user" value={who} maxLength={64} placeholder={t('audit.userPlaceholder')} onChange={(event) => setWho(event.target.value)} />
        </span>
        <span className="filter-pair">
          <label htmlFor={fromId}>{t('audit.from')}</label>
          <input id={fromId} type="date" value={fromDate} max={toDate || undefined} onChange={(event) => setFromDate(event.target.value)} />
        </span>
        <span className="filter-pair">
          <label htmlFor={toId}>{t('audit.to')}</label>
          <input id={toId} type="date" value={toDate} min={fromDate || undefined} onChange={(event) => setToDate(event.target.value)} />
        </span>
        {focused && (
          <span className="filter-chip">
            {t('audit.onlyRecord', { id: filter.entity_id ?? '' })}
            <button type="button" className="link-button" onClick={() => setFilter(filter.entity ? { entity: filter.entity } : {})}>
              {t('audit.clearFilter')}
            </button>
          </span>
        )}
      </div>
      <QueryState isPending={audit.isPending} error={audit.error} onRetry={() => void audit.refetch()} />
      {audit.data && entries.length === 0 && <p className="panel-empty">{t('audit.empty')}</p>}
      <ol className="audit-list">
        {entries.map((entry) => (
          <AuditEntryItem
            key={entry.id}
            entry={entry}
            roles={roles}
            categories={categories}
            links={links}
            onFocusRecord={
              entry.entity_id === null || focused
                ? undefined
                : () => setFilter({ entity: entry.entity, entity_id: entry.entity_id ?? undefined })
            }
          />
        ))}
      </ol>
      {audit.data && (
        <div className="panel-more">
          <span className="panel-count">{t('audit.shown', { count: formatNumber(entries.length) })}</span>
          {audit.hasNextPage ? (
            <button type="button" className="small-button" disabled={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
              {audit.isFetchingNextPage ? t('panel.loading') : t('audit.older')}
            </button>
          ) : (
            entries.length > 0 && <span className="panel-count">{t('audit.end')}</span>
          )}
        </div>
      )}
    </section>
  )
}

interface AuditEntryItemProps {
  entry: AuditEntry
  roles: readonly AuditRoleName[]
  categories: readonly AuditCategoryName[]
  links: AuditObjectLinks | undefined
  onFocusRecord: (() => void) | undefined
}

function AuditEntryItem({ entry, roles, categories, links, onFocusRecord }: AuditEntryItemProps) {
  const i18n = useI18n()
  const { t, lookup, formatDateTime } = i18n
  const changes = listAuditChanges(entry.before, entry.after)
  const entityId = entry.entity_id
  const href = entityId === null ? undefined : links?.href(entry.entity, entityId)
  // signing in and out is about the actor's own account: naming it again adds nothing
  const target = entry.entity === 'user' && entry.entity_id === entry.user_id ? undefined : describeTarget(entry, i18n)
  const actor = SYSTEM_ACTORS.has(entry.username)
    ? lookup(`audit.actor.${entry.username}`, entry.username)
    : entry.display_name && entry.display_name !== entry.username
      ? t('audit.actorNamed', { name: entry.display_name, username: entry.username })
      : entry.username

  return (
    <li className="audit-entry">
      <div className="audit-entry__head">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        <span className="audit-entry__actor">{actor}</span>
      </div>
      <p className="audit-entry__what">
        <strong>{describeAction(entry.action, i18n)}</strong>
        {target !== undefined &&
          (onFocusRecord ? (
            <button type="button" className="link-button" title={t('audit.focusRecord')} onClick={onFocusRecord}>
              {target}
            </button>
          ) : (
            <span>{target}</span>
          ))}
        {href !== undefined && entityId !== null && (
          <a
            className="audit-entry__open"
            href={href}
            onClick={(event) => {
              // a plain click stays in the page; a middle click or "open in new tab" follows the link
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
              event.preventDefault()
              links?.open(entry.entity, entityId)
            }}
          >
            {t('audit.open')}
          </a>
        )}
      </p>
      {changes.length > 0 && (
        <ul className="audit-changes">
          {changes.map((change) => (
            <li key={change.field}>
              <span className="audit-changes__field">{lookup(`auditField.${change.field}`, change.field)}</span>
              {change.before !== undefined && entry.before !== null && (
                <>
                  <del>{formatValue(change, 'before', entry.entity, roles, categories, i18n)}</del>
                  <span aria-hidden="true"> → </span>
                </>
              )}
              <ins>{formatValue(change, 'after', entry.entity, roles, categories, i18n)}</ins>
            </li>
          ))}
        </ul>
      )}
      {entry.ip !== null && <p className="audit-entry__ip">{t('audit.ip', { ip: entry.ip })}</p>}
    </li>
  )
}
