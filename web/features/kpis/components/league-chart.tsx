// The league table as a picture: each unit's 按期结案率 (on-time closure rate) as a horizontal bar, laggards in red,
// the laggard threshold as a line. ECharts with only the bar chart, grid, tooltip and mark line registered and the
// canvas renderer; nothing from the network. Loaded lazily, so the chart library stays out of the first bundle.
import { BarChart } from 'echarts/charts'
import type { BarSeriesOption } from 'echarts/charts'
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import { use } from 'echarts/core'
import type { ComposeOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useMemo } from 'react'
import { useEChart } from '../../../lib/use-echart.ts'

use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer])

type LeagueChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption>

export interface LeagueChartBar {
  name: string
  rate: number | null // 0..1, null when the unit had nothing to close
  laggard: boolean
}

export interface LeagueChartProps {
  bars: readonly LeagueChartBar[]
  thresholdLabel: string
  label: string // read out for the canvas
}

const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif"
// The server's default laggard line (server/analysis/case-kpis.ts rankUnits: laggardBelow 0.8).
const LAGGARD_BELOW = 0.8

export function buildLeagueChartOption(bars: readonly LeagueChartBar[], thresholdLabel: string): LeagueChartOption {
  // ECharts draws the first category at the bottom: reverse so rank 1 is on top, as in the table.
  const shown = [...bars].reverse()
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 11 },
    grid: { left: 8, right: 36, top: 22, bottom: 8, containLabel: true }, // top: room for the threshold's label
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: (v) => (typeof v === 'number' ? `${Math.round(v * 100)} %` : '—') },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%`, fontSize: 10 } },
    yAxis: { type: 'category', data: shown.map((b) => b.name), axisLabel: { fontSize: 10 } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 14,
        data: shown.map((b) => ({ value: b.rate ?? 0, itemStyle: { color: b.laggard ? '#c62828' : '#2e7d32' } })),
        label: { show: true, position: 'right', fontSize: 10, formatter: (p) => (typeof p.value === 'number' ? `${Math.round(p.value * 100)}%` : '') },
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#c62828' }, label: { formatter: thresholdLabel, fontSize: 10 }, data: [{ xAxis: LAGGARD_BELOW }] },
      },
    ],
  }
}

export function LeagueChart({ bars, thresholdLabel, label }: LeagueChartProps) {
  const option = useMemo(() => buildLeagueChartOption(bars, thresholdLabel), [bars, thresholdLabel])
  const containerRef = useEChart(option)
  // One row of bars per unit: tall enough to read every name.
  return <div ref={containerRef} className="league-chart" style={{ height: `${Math.max(120, 22 * bars.length + 40)}px` }} role="img" aria-label={label} />
}
