// The users feature's query key: the account list an administrator manages.
export const userKeys = {
  all: ['users'] as const,
}
