// The session feature's query key: who is signed in.
export const sessionKeys = {
  all: ['session'] as const,
}
