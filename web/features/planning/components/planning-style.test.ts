import { describe, expect, test } from 'vitest'
import { guidanceSuggestionsServedLayer, streetsSelectedLayer } from './planning-style.ts'

const textField = (template: string) => {
  const layer = guidanceSuggestionsServedLayer(template)
  return layer.type === 'symbol' ? layer.layout?.['text-field'] : undefined
}

describe('guidanceSuggestionsServedLayer', () => {
  test('puts the served count where the message has its placeholder, in either language', () => {
    expect(textField('{count} 起')).toEqual(['concat', '', ['to-string', ['get', 'served']], ' 起'])
    expect(textField('serves {count} reports')).toEqual(['concat', 'serves ', ['to-string', ['get', 'served']], ' reports'])
  })

  test('shows the bare count for a message without a placeholder after it', () => {
    expect(textField('{count}')).toEqual(['concat', '', ['to-string', ['get', 'served']], ''])
  })
})

describe('streetsSelectedLayer', () => {
  test('outlines only the picked street, and nothing when none is picked', () => {
    expect(streetsSelectedLayer('w1').filter).toEqual(['==', ['get', 'id'], 'w1'])
    expect(streetsSelectedLayer(undefined).filter).toEqual(['==', ['get', 'id'], ''])
  })
})
