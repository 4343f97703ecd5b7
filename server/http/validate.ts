// zod validation for every request input; failures become 400 problem+json with per-field errors.
import type { Env, MiddlewareHandler, ValidationTargets } from 'hono'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { ProblemError } from './problem.ts'

const CODES: Partial<Record<keyof ValidationTargets, string>> = {
  query: 'invalid-query',
  json: 'invalid-body',
  form: 'invalid-body',
  param: 'invalid-param',
}

/**
 * Validates one request part. The typed client sees the schema's *input* (what goes on the wire: query values are
 * strings), handlers see its *output* (parsed bboxes, numbers, lists).
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType, E extends Env = Env, P extends string = string>(
  target: Target,
  schema: Schema,
): MiddlewareHandler<E, P, { in: { [K in Target]: z.input<Schema> }; out: { [K in Target]: z.output<Schema> } }> {
  const middleware = validator(target, (value): z.output<Schema> => {
    const result = schema.safeParse(value)
    if (result.success) return result.data
    const errors = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || target, message: issue.message }))
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ')
    throw new ProblemError(400, CODES[target] ?? 'invalid-request', detail, errors)
  })
  // Hono infers the validator's input from the returned value; restate it as the schema's wire input.
  return middleware as unknown as MiddlewareHandler<E, P, { in: { [K in Target]: z.input<Schema> }; out: { [K in Target]: z.output<Schema> } }>
}
