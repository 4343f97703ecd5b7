// An incident category as /api/meta lists it; the app hands the list in (a deployment may configure its own taxonomy).
import type { LocalizedName } from '../../../lib/i18n.ts'

export interface CategoryOption extends LocalizedName {
  code: string
}

/** The category's name in the interface language, else its code. */
export function nameCategory(categories: readonly CategoryOption[], code: string, pick: (c: CategoryOption) => string | null): string {
  const category = categories.find((c) => c.code === code)
  return (category && pick(category)) ?? code
}
