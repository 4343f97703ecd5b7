// The administrator's views: the audit log (审计日志, also a leader's) and user management (用户管理).
import { parseAsString, useQueryStates } from 'nuqs'
import { AuditLogPanel, type AuditObjectLinks } from '../../features/audit/components/audit-log-panel.tsx'
import { UserManagementPanel } from '../../features/users/components/user-management-panel.tsx'
import type { ViewContext, ViewParts } from './view.ts'
import { NO_LAYERS_HIDDEN } from './view.ts'

// the records the audit log can open in their own view: a case in the case view, a street or guidance point in planning
const OBJECT_VIEWS: Record<string, { tab: string; key: 'case' | 'street' | 'point' }> = {
  case: { tab: 'cases', key: 'case' },
  incident: { tab: 'cases', key: 'case' },
  street: { tab: 'planning', key: 'street' },
  'guidance-point': { tab: 'planning', key: 'point' },
}

export function useAuditView({ roleNames, categories }: ViewContext): ViewParts {
  const [, setView] = useQueryStates({ tab: parseAsString, case: parseAsString, street: parseAsString, point: parseAsString }, { history: 'push' })
  const links: AuditObjectLinks = {
    href: (entity, id) => {
      const view = OBJECT_VIEWS[entity]
      return view && `?${new URLSearchParams({ tab: view.tab, [view.key]: id }).toString()}${window.location.hash}`
    },
    open: (entity, id) => {
      const view = OBJECT_VIEWS[entity]
      if (view) void setView({ tab: view.tab, case: null, street: null, point: null, [view.key]: id })
    },
  }
  return { hides: NO_LAYERS_HIDDEN, panel: <AuditLogPanel roles={roleNames} categories={categories} links={links} /> }
}

export function useUsersView({ user, roleNames, zones }: ViewContext): ViewParts {
  return { hides: NO_LAYERS_HIDDEN, panel: <UserManagementPanel currentUserId={user?.id} roles={roleNames} zones={zones} /> }
}
