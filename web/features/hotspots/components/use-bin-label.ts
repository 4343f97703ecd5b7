// A bin's name in the interface language: "99 % 热点", "不显著", "90 % 冷点".
import { useI18n } from '../../../lib/i18n.ts'
import type { HotspotBin } from './hotspot-style.ts'
import { describeBin } from './hotspot-style.ts'

export function useBinLabel(): (bin: HotspotBin) => string {
  const { t } = useI18n()
  return (bin) => {
    const { kind, confidence } = describeBin(bin)
    if (kind === 'none' || confidence === null) return t('hotspots.binNone')
    return t(kind === 'hot' ? 'hotspots.binHot' : 'hotspots.binCold', { confidence })
  }
}
