/** The overview's period as China dates: `from` inclusive, `to` exclusive (the API's own reading of bare dates). */
export interface KpiPeriod {
  from: string
  to: string
}
