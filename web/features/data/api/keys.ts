// The data feature's query keys: the saved import profiles. Uploads, previews and runs are mutations, never cached.
export const importProfileKeys = {
  all: ['import-profiles'] as const,
}
