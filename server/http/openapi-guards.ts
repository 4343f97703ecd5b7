// What each auth guard requires, kept beside the middleware so the OpenAPI document can state a route's session and
// roles from the handlers the route really runs (as validate() does for its schemas), not from a hand-kept list.
import type { Permission } from '../kernel/permissions.ts'

/** A guard's requirement: any signed-in user (`permission` undefined), or one holding `permission`. */
export interface GuardInfo {
  permission?: Permission
}

const guards = new WeakMap<object, GuardInfo>()

/** Returns `middleware`, remembering that it enforces `info`; auth.ts wraps requireUser()/requirePermission() in it. */
export function recordGuard<H extends object>(info: GuardInfo, middleware: H): H {
  guards.set(middleware, info)
  return middleware
}

/** The requirement of a middleware passed through `recordGuard()`; undefined for any other handler. */
export const describeGuard = (handler: unknown): GuardInfo | undefined => (typeof handler === 'function' ? guards.get(handler) : undefined)
