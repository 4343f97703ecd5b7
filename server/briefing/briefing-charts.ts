// The briefing's charts: ECharts lays them out and renders SVG on the server (no browser, no canvas), and
// svg-to-pdfkit turns that SVG into PDF vector paths and text — sharp in print, text still searchable.
import * as echarts from 'echarts'
import type {} from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'

const INK = '#333333'
const CURRENT = '#c23531'
const PREVIOUS = '#9e9e9e'

function svgOf(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'cjk', color: INK, fontSize: 9 }, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

function place(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, fonts: { regular: string; bold: string }): void {
  SVGtoPDF(doc, svg, x, y, { assumePt: true, fontCallback: (_family, bold) => (bold ? fonts.bold : fonts.regular) })
}

/** Units' on-time closure rate as bars, laggards darker, with the naming line across. */
export function drawLeagueChart(doc: PDFKit.PDFDocument, rows: { name: string; rate: number | null; laggard: boolean }[], line: number, label: string, x: number, y: number, w: number, h: number, fonts: { regular: string; bold: string }): void {
  const svg = svgOf(
    {
      grid: { left: 40, right: 16, top: 14, bottom: 58 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 35, fontSize: 8 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { fontSize: 8 } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: rows.map((r) => ({ value: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10, itemStyle: { color: r.laggard ? CURRENT : '#5b8ff9' } })),
          markLine: { symbol: 'none', silent: true, lineStyle: { color: CURRENT, type: 'dashed' }, label: { formatter: `${label} ${Math.round(line * 100)}%`, fontSize: 8, position: 'insideEndTop' }, data: [{ yAxis: line * 100 }] },
        },
      ],
    },
    w,
    h,
  )
  place(doc, svg, x, y, fonts)
}

/** Reports per day (or week) of the period against the previous one. */
export function drawTrendChart(doc: PDFKit.PDFDocument, labels: string[], current: number[], previous: number[], names: { current: string; previous: string }, x: number, y: number, w: number, h: number, fonts: { regular: string; bold: string }): void {
  const svg = svgOf(
    {
      grid: { left: 36, right: 12, top: 24, bottom: 24 },
      legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 8 } },
      xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 8, interval: labels.length > 16 ? Math.ceil(labels.length / 12) - 1 : 0 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 8 } },
      series: [
        { name: names.previous, type: 'line', symbol: 'none', data: previous, lineStyle: { color: PREVIOUS, type: 'dashed', width: 1.2 }, itemStyle: { color: PREVIOUS } },
        { name: names.current, type: 'line', symbol: 'circle', symbolSize: 3, data: current, lineStyle: { color: CURRENT, width: 1.6 }, itemStyle: { color: CURRENT } },
      ],
    },
    w,
    h,
  )
  place(doc, svg, x, y, fonts)
}
