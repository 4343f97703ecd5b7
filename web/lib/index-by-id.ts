// Features by their stable `id`, so a click on the map can show the typed record it came from rather than the
// flattened properties MapLibre hands back (which turns arrays and objects into JSON strings).
export function indexById<F extends { id: string }>(collection: { features: readonly F[] } | undefined): ReadonlyMap<string, F> {
  return new Map((collection?.features ?? []).map((feature) => [feature.id, feature]))
}

/** The id of a rendered feature as the API wrote it, or undefined when MapLibre has none for it. */
export function readFeatureId(feature: { id?: string | number | undefined }): string | undefined {
  return feature.id === undefined ? undefined : String(feature.id)
}
