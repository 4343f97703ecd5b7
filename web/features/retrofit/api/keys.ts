// The retrofit feature's query keys: the planner's lamp retrofit plan.
import type { RetrofitPlanQuery } from './get-retrofit-plan.ts'

export const retrofitPlanKeys = {
  all: ['retrofit-plan'] as const,
  list: (query: RetrofitPlanQuery) => [...retrofitPlanKeys.all, query] as const,
}
