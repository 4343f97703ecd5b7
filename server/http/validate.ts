// zod validation for every request input; failures become 400 problem+json with per-field errors.
import type { ValidationTargets } from 'hono'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { ProblemError } from './problem.ts'

const CODES: Partial<Record<keyof ValidationTargets, string>> = {
  query: 'invalid-query',
  json: 'invalid-body',
  form: 'invalid-body',
  param: 'invalid-param',
}

export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return validator(target, (value): z.output<Schema> => {
    const result = schema.safeParse(value)
    if (result.success) return result.data
    const errors = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || target, message: issue.message }))
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ')
    throw new ProblemError(400, CODES[target] ?? 'invalid-request', detail, errors)
  })
}
