// The roles feature's query key: the role table with its names.
export const roleKeys = {
  all: ['roles'] as const,
}
