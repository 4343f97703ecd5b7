import { describe, expect, test } from 'vitest'
import { LAYER_KEYS, defaultVisibility } from './layer-visibility.ts'

const shown = (roles: string[]) => LAYER_KEYS.filter((key) => defaultVisibility(roles)[key])

describe('the layers each role starts with', () => {
  test('a crew sees lamps, a dispatcher incidents, a planner junctions; none starts with the heatmap', () => {
    expect(shown(['crew'])).toEqual(['streets', 'lamps', 'zones'])
    expect(shown(['dispatcher'])).toEqual(['streets', 'incidents', 'zones'])
    expect(shown(['planner'])).toEqual(['streets', 'zones', 'intersections'])
    for (const role of ['leader', 'planner', 'crew', 'dispatcher', 'inspector', 'unit']) expect(defaultVisibility([role]).density).toBe(false)
  })

  test('several roles see what each would; an admin everything; a visitor only the public layers', () => {
    expect(shown(['crew', 'dispatcher'])).toEqual(['streets', 'lamps', 'incidents', 'zones'])
    expect(shown(['admin'])).toEqual([...LAYER_KEYS])
    expect(shown([])).toEqual(['streets', 'zones', 'intersections'])
    expect(shown(['no-such-role'])).toEqual(['streets', 'zones', 'intersections'])
  })
})
