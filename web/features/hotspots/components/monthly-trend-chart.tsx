// A stacked bar chart of incidents per month and category, drawn by ECharts on a canvas. Only the bar chart, grid,
// tooltip and legend are registered (with the canvas renderer), so the bundle carries a fraction of ECharts; it
// loads nothing from the network. The chart's life cycle is web/lib/use-echart.ts.
import { BarChart } from 'echarts/charts'
import type { BarSeriesOption } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { use } from 'echarts/core'
import type { ComposeOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useMemo } from 'react'
import { useEChart } from '../../../lib/use-echart.ts'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

type TrendChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

export interface ChartSeries {
  name: string
  values: readonly number[]
}

export interface MonthlyTrendChartProps {
  /** Axis labels, one per month. */
  months: readonly string[]
  series: readonly ChartSeries[]
  /** Read out for the canvas, which a screen reader cannot see into. */
  label: string
}

// the UI font stack (styles.css --font-ui): CJK from the user's machine, never a web font
const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif"
// Tableau 10, as the incident points use, so the chart does not look like a different product
const PALETTE = ['#e15759', '#59a14f', '#76b7b2', '#4e79a7', '#f28e2b', '#9c755f', '#edc948', '#ff9da7', '#b07aa1', '#bab0ac']

function buildOption(months: readonly string[], series: readonly ChartSeries[]): TrendChartOption {
  return {
    animation: false, // the panel redraws on every filter change; motion there only slows reading
    color: PALETTE,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 11 },
    grid: { left: 8, right: 8, top: 12, bottom: 52, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { type: 'scroll', bottom: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: [...months], axisLabel: { fontSize: 10, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
    series: series.map((s) => ({ type: 'bar', name: s.name, stack: 'incidents', data: [...s.values], barMaxWidth: 22 })),
  }
}

export function MonthlyTrendChart({ months, series, label }: MonthlyTrendChartProps) {
  const option = useMemo(() => buildOption(months, series), [months, series])
  const containerRef = useEChart(option)
  return <div ref={containerRef} className="trend-chart" role="img" aria-label={label} />
}
