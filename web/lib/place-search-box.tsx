// One search box for a street, a junction ("A × B") or a case number (WAI-ARIA combobox with a list box): type,
// move with ↑/↓, Enter picks, Esc clears. The words come from the page that shows it (staff map or report page).
import { useDeferredValue, useId, useState } from 'react'
import type { KeyboardEvent } from 'react'
import './place-search-box.css'
import type { PlaceSearchHit } from './place-search.ts'
import { usePlaceSearch } from './place-search.ts'

export interface PlaceSearchLabels {
  label: string
  placeholder: string
  empty: string
  kind: Record<PlaceSearchHit['kind'], string>
}

export interface PlaceSearchBoxProps {
  labels: PlaceSearchLabels
  onPick: (hit: PlaceSearchHit) => void
  /** The English name of a street where the page is in English. */
  english?: boolean
  className?: string
}

const hitName = (hit: PlaceSearchHit, english: boolean) => (english && hit.kind === 'street' && hit.name_en ? hit.name_en : hit.name)

export function PlaceSearchBox({ labels, onPick, english = false, className }: PlaceSearchBoxProps) {
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const query = useDeferredValue(text.trim())
  const answer = usePlaceSearch(query)
  const results = query && answer.data ? answer.data.results : []
  const listId = useId()
  const optionId = (i: number) => `${listId}-option-${i}`
  const showList = open && query.length > 0 && answer.data !== undefined

  const pick = (hit: PlaceSearchHit | undefined) => {
    if (!hit) return
    onPick(hit)
    setText(hitName(hit, english))
    setOpen(false)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      if (results.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      pick(results[Math.min(active, results.length - 1)])
    } else if (event.key === 'Escape') {
      if (open) setOpen(false)
      else setText('')
    }
  }

  return (
    <div className={`place-search${className ? ` ${className}` : ''}`}>
      <input
        type="search"
        role="combobox"
        aria-label={labels.label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results.length > 0 ? optionId(Math.min(active, results.length - 1)) : undefined}
        placeholder={labels.placeholder}
        value={text}
        maxLength={100}
        onChange={(event) => {
          setText(event.target.value)
          setActive(0)
          setOpen(true)
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={labels.label} className="place-search__list" hidden={!showList}>
        {showList && results.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled className="place-search__empty">
            {labels.empty}
          </li>
        )}
        {showList &&
          results.map((hit, i) => (
            <li
              key={`${hit.kind}-${hit.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === Math.min(active, results.length - 1)}
              className="place-search__option"
              // mousedown, not click: the input's blur would close the list first
              onMouseDown={(event) => {
                event.preventDefault()
                pick(hit)
              }}
            >
              <span className="place-search__kind">{labels.kind[hit.kind]}</span> {hitName(hit, english)}
              {hit.kind === 'case' && hit.street_name && <span className="place-search__detail"> · {hit.street_name}</span>}
            </li>
          ))}
      </ul>
    </div>
  )
}
