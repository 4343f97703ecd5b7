// The report page's providers: its own query cache and its own interface language (nothing shared with the staff app).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { readRequestFailure } from '../lib/api.ts'
import { readStoredLocale, useLocaleDocument } from '../lib/locale.ts'
import { LOCALE_STORAGE_KEY, ReportI18nContext, createReportI18n } from './i18n.ts'
import type { Locale } from './i18n.ts'

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // the basemap and the categories do not change while a citizen fills in a report
        staleTime: Number.POSITIVE_INFINITY,
        refetchOnWindowFocus: false,
        // a 4xx will not change on retry; a dropped mobile connection or a 5xx may
        retry: (failureCount, error) => {
          const { status } = readRequestFailure(error)
          return (status === undefined || status >= 500) && failureCount < 2
        },
      },
      // a report or rating is never sent twice behind the citizen's back
      mutations: { retry: false },
    },
  })
}

export function ReportProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  const [locale, setLocale] = useState<Locale>(() => readStoredLocale(LOCALE_STORAGE_KEY))
  const i18n = useMemo(() => createReportI18n(locale, setLocale), [locale])

  useLocaleDocument(LOCALE_STORAGE_KEY, locale, i18n.t('app.title'))

  return (
    <QueryClientProvider client={queryClient}>
      <ReportI18nContext value={i18n}>{children}</ReportI18nContext>
    </QueryClientProvider>
  )
}
