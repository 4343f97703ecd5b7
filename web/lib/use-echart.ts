// One ECharts instance per chart element: created on mount, resized with its container (side panels change
// width), disposed on unmount, and given each new option whole (notMerge: a series taken out of the option must
// leave the chart, not linger). The caller registers the chart types it uses with echarts/core's `use`, so the
// bundle carries only those.
import { init } from 'echarts/core'
import type { ECharts, EChartsCoreOption } from 'echarts/core'
import { useEffect, useRef } from 'react'
import type { RefObject } from 'react'

export function useEChart(option: EChartsCoreOption): RefObject<HTMLDivElement | null> {
  const containerRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<ECharts | null>(null)

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const chart = init(container, undefined, { renderer: 'canvas' })
    chartRef.current = chart
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(container)
    return () => {
      observer.disconnect()
      chartRef.current = null
      chart.dispose()
    }
  }, [])

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true })
  }, [option])

  return containerRef
}
