import { describe, expect, test } from 'vitest'
import { buildLeagueChartOption } from './league-chart.tsx'

describe('buildLeagueChartOption', () => {
  const bars = [
    { name: '环卫处', rate: 0.93, laggard: false },
    { name: '城管执法大队', rate: 0.73, laggard: true },
    { name: '路灯管理所', rate: null, laggard: true },
  ]

  test('puts rank 1 on top and colours laggards red', () => {
    const option = buildLeagueChartOption(bars, '通报线 80 %')
    const yAxis = option.yAxis as { data: string[] }
    expect(yAxis.data).toEqual(['路灯管理所', '城管执法大队', '环卫处'])
    const series = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0]!
    expect(series.data.map((d) => d.itemStyle.color)).toEqual(['#c62828', '#c62828', '#2e7d32'])
    expect(series.data.map((d) => d.value)).toEqual([0, 0.73, 0.93])
  })

  test('draws the laggard threshold at 80 % and does not mutate its input', () => {
    const copy = structuredClone(bars)
    const option = buildLeagueChartOption(bars, 'x')
    const series = (option.series as { markLine: { data: { xAxis: number }[] } }[])[0]!
    expect(series.markLine.data[0]?.xAxis).toBe(0.8)
    expect(bars).toEqual(copy)
  })
})
