// The administrator's views: the audit log (审计日志, also a leader's) and user management (用户管理).
import { AuditLogPanel } from '../../features/audit/components/audit-log-panel.tsx'
import { UserManagementPanel } from '../../features/users/components/user-management-panel.tsx'
import type { ViewContext, ViewParts } from './view.ts'
import { NO_LAYERS_HIDDEN } from './view.ts'

export function useAuditView({ roleNames, categories }: ViewContext): ViewParts {
  return { hides: NO_LAYERS_HIDDEN, panel: <AuditLogPanel roles={roleNames} categories={categories} /> }
}

export function useUsersView({ user, roleNames, zones }: ViewContext): ViewParts {
  return { hides: NO_LAYERS_HIDDEN, panel: <UserManagementPanel currentUserId={user?.id} roles={roleNames} zones={zones} /> }
}
