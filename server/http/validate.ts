// zod validation for every request input; failures become 400 problem+json with per-field errors.
import type { ProblemCode } from '../kernel/problems.ts'
import type { Env, MiddlewareHandler, ValidationTargets } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { validator } from 'hono/validator'
import { resolver, uniqueSymbol } from 'hono-openapi'
import type { z } from 'zod'
import { ProblemError } from '../kernel/problems.ts'

const CODES: Partial<Record<keyof ValidationTargets, ProblemCode>> = {
  query: 'invalid-query',
  json: 'invalid-body',
  form: 'invalid-body',
  param: 'invalid-param',
}

/** The problem code a failed validation of `target` answers with (the API reference lists it per operation). */
export const validationProblemCode = (target: keyof ValidationTargets): ProblemCode => CODES[target] ?? 'invalid-request'

// C0 controls but tab, line feed and carriage return, and DEL. They are stripped, not refused: they are invisible,
// so a citizen whose text picked one up by pasting could not see what to fix, and no field of this API means
// anything by them; stored, they break CSV exports, XML (Open311 cannot even represent U+0000) and log lines.
// Stripping happens before the schema runs, so every check sees the text that will be stored.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

// No request part of this API nests deeper than a polygon's coordinates (4 levels); a body nested thousands deep
// would overflow the stack of any recursive walk over it.
const MAX_DEPTH = 32

class NestingTooDeepError extends Error {
  constructor() {
    super(`nested deeper than ${MAX_DEPTH} levels`)
  }
}

/** `value` with control characters removed from every string in it (object keys are left to the strict schemas). Throws NestingTooDeepError past MAX_DEPTH. */
export function stripControlCharacters(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(CONTROL_CHARACTERS, '')
  if (depth >= MAX_DEPTH && value !== null && typeof value === 'object') throw new NestingTooDeepError()
  if (Array.isArray(value)) return value.map((v) => stripControlCharacters(v, depth + 1))
  // Only plain objects (parsed JSON, query and form records): a File in a form passes untouched.
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripControlCharacters(v, depth + 1)]))
  }
  return value
}

/** What a `validate()` middleware checks; kept so tests can derive inputs for every route from its schemas. */
export interface ValidationInfo {
  target: keyof ValidationTargets
  schema: z.ZodType
}
const validations = new WeakMap<object, ValidationInfo>()

/** The target and schema of a middleware made by `validate()`; undefined for any other handler. */
export const describeValidation = (handler: unknown): ValidationInfo | undefined => (typeof handler === 'function' ? validations.get(handler) : undefined)

/**
 * Validates one request part. The typed client sees the schema's *input* (what goes on the wire: query values are
 * strings), handlers see its *output* (parsed bboxes, numbers, lists).
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType, E extends Env = Env, P extends string = string>(
  target: Target,
  schema: Schema,
): MiddlewareHandler<E, P, { in: { [K in Target]: z.input<Schema> }; out: { [K in Target]: z.output<Schema> } }> {
  const code = validationProblemCode(target)
  const check = validator(target, (value): z.output<Schema> => {
    let clean: unknown
    try {
      clean = stripControlCharacters(value)
    } catch (err) {
      if (err instanceof NestingTooDeepError) throw new ProblemError(400, code, err.message)
      throw err
    }
    const result = schema.safeParse(clean)
    if (result.success) return result.data
    const errors = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || target, message: issue.message }))
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ')
    throw new ProblemError(400, code, detail, errors)
  })
  const middleware: MiddlewareHandler = async (c, next) => {
    let passed = false
    try {
      await check(c, async () => {
        passed = true
        await next()
      })
    } catch (err) {
      // Hono's validator throws a bare 400 for a body it cannot read (malformed JSON or form data); say which
      // part was wrong, like any other validation failure. Errors from later handlers pass through unchanged.
      if (!passed && err instanceof HTTPException && err.status === 400) throw new ProblemError(400, code, err.message || 'the request body cannot be read')
      throw err
    }
  }
  validations.set(middleware, { target, schema })
  // The same metadata hono-openapi's own validator() attaches: its generateSpecs() walks app.routes and renders each
  // handler carrying it as parameters or a request body, so the OpenAPI document comes from the schemas that run.
  Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema) } })
  // Hono infers the validator's input from the returned value; restate it as the schema's wire input.
  return middleware as unknown as MiddlewareHandler<E, P, { in: { [K in Target]: z.input<Schema> }; out: { [K in Target]: z.output<Schema> } }>
}
