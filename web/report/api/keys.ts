// The report page's query keys: one tracked report, and the similar open reports near a new one.
import type { SimilarReportsQuery } from './get-similar-reports.ts'

export const reportKeys = {
  all: ['report'] as const,
  detail: (trackingNumber: string) => [...reportKeys.all, trackingNumber] as const,
}

export const similarReportKeys = {
  all: ['similar-reports'] as const,
  list: (query: SimilarReportsQuery) => [...similarReportKeys.all, query] as const,
}
