// The meta feature's query key: the district's bounds, mode and category table.
export const metaKeys = {
  all: ['meta'] as const,
}
