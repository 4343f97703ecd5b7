// Typed store errors that the HTTP boundary maps to 404 / 409.
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found`)
  }
}

export class ConflictError extends Error {}
