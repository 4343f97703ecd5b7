// Every problem code the API can answer with (RFC 9457 problem+json `code`), with its English title. The server
// throws only these codes (the type says so); the web maps the same codes to its own wording.

export const PROBLEM_TITLES = {
  'invalid-query': 'Invalid query parameters',
  'invalid-body': 'Invalid request body',
  'invalid-param': 'Invalid path parameter',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'too-large': 'Too large',
  unauthenticated: 'Sign-in required',
  'invalid-credentials': 'Wrong username or password',
  forbidden: 'Forbidden',
  csrf: 'Cross-site request refused',
  'rate-limited': 'Too many requests',
  'rule-violations': 'The guidance point breaks street rules',
  'too-few-cells': 'Too few cells for a hotspot analysis',
  'zero-variance': 'No variation to analyse',
  'invalid-request': 'Invalid request',
  'invalid-header': 'Invalid request header',
  'precondition-required': 'If-Match required',
  'invalid-transition': 'Step not possible in this state',
  'category-mismatch': 'Cases of different categories',
  'evidence-required': 'A photo of the work is needed first',
  'enforcement-required': 'The stop or the investigation outcome is not recorded yet',
  'unknown-unit': 'Unknown responsible unit',
  'not-a-repeat': 'Not a repeat of that case',
  'unnamed-street': 'The street has no name',
  'no-study-area': 'No study area',
  'outside-district': 'Outside the district',
  'unsupported-media-type': 'Unsupported media type',
  'method-not-allowed': 'Method not allowed',
  'invalid-geometry': 'Invalid geometry',
  'too-many-pairs': 'Too many cell pairs for one analysis',
  'period-too-long': 'Period too long to analyse',
  busy: 'Analysis capacity busy',
  'analysis-timeout': 'Analysis ran out of time',
  'import-running': 'Another import is running',
  'unreadable-file': 'The file cannot be read',
  'unknown-crs': 'Unknown coordinate system',
  'invalid-profile': 'Invalid district profile',
  'empty-period': 'The period is empty',
  'unknown-zone': 'Unknown zone',
  'already-issued': 'Already issued',
  internal: 'Internal server error',
} as const satisfies Record<string, string>

export type ProblemCode = keyof typeof PROBLEM_TITLES

export const PROBLEM_CODES = Object.keys(PROBLEM_TITLES) as ProblemCode[]

export const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(PROBLEM_TITLES, code)

export interface ProblemDetail {
  path: string // dotted path of the offending input, e.g. 'bbox'
  message: string
}

/**
 * A refusal with a problem code: thrown by use cases, handlers and validators; the HTTP layer renders it as
 * application/problem+json (RFC 9457).
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number, // an HTTP status, 4xx for what the caller can fix
    readonly code: ProblemCode,
    detail: string,
    readonly errors?: ProblemDetail[],
    readonly headers: Record<string, string> = {},
    readonly extensions: Record<string, unknown> = {}, // extra members of the problem body (RFC 9457 §3.2)
  ) {
    super(detail)
  }
}

