// App-wide providers: the query cache, the view kept in the URL (web/app/url-state.ts) and the interface language.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { NuqsAdapter } from 'nuqs/adapters/react'
import { useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { readRequestFailure } from '../lib/api.ts'
import { I18nContext, LOCALE_STORAGE_KEY, createI18n } from '../lib/i18n.ts'
import { readStoredLocale, useLocaleDocument } from '../lib/locale.ts'
import type { Locale } from '../lib/i18n.ts'

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // district layers are loaded once per visit; a write refetches what it changed, and data that other
        // users change (work lists, accounts, the audit log) sets a shorter staleTime of its own
        staleTime: Number.POSITIVE_INFINITY,
        refetchOnWindowFocus: false,
        // a 4xx will not change on retry; a dropped connection or a 5xx may
        retry: (failureCount, error) => {
          const { status } = readRequestFailure(error)
          return (status === undefined || status >= 500) && failureCount < 2
        },
      },
    },
  })
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  const [locale, setLocale] = useState<Locale>(() => readStoredLocale(LOCALE_STORAGE_KEY))
  const i18n = useMemo(() => createI18n(locale, setLocale), [locale])

  useLocaleDocument(LOCALE_STORAGE_KEY, locale, i18n.t('app.title'))

  return (
    <NuqsAdapter>
      <QueryClientProvider client={queryClient}>
        <I18nContext value={i18n}>{children}</I18nContext>
      </QueryClientProvider>
    </NuqsAdapter>
  )
}
