// The briefings feature's query keys.
export const briefingKeys = {
  all: ['briefings'] as const,
  list: () => [...briefingKeys.all, 'list'] as const,
}
