// The zones feature's query keys: the sub-district boundaries.
export const zoneKeys = {
  all: ['zones'] as const,
  list: () => [...zoneKeys.all, {}] as const,
}
