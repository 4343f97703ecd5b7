// Reads the import statements of a TypeScript/JavaScript source without a compiler: a small tokenizer that skips
// comments, string and template contents and regular expressions, then recognises the import forms the repository
// uses. dependency-cruiser was the first choice, but it cannot serve here: its CLI refuses Node 20, and without the
// TypeScript compiler API (TypeScript 7 is the native compiler and ships none) its fallback parser does not tell
// `import type` from a runtime import — which is the distinction the web rule rests on.
//
// Forms recognised (everything else is code, not an import):
//   import x, { y } from 'm'   import type { T } from 'm'   import * as m from 'm'   import 'm'
//   export { x } from 'm'      export type { T } from 'm'   export * from 'm'        import('m')
// With `verbatimModuleSyntax` on (tsconfig.json), only `import type` / `export type` disappear at build time; an
// `import { type T } from 'm'` still loads 'm', so it counts as a runtime import, as it does in the bundle.

export interface ImportRecord {
  specifier: string
  line: number // 1-based, where the specifier string stands
  typeOnly: boolean // erased at build time: `import type`, `export type`, `typeof import('m')`
  dynamic: boolean // import('m')
}

type Token =
  | { kind: 'word'; text: string; line: number }
  | { kind: 'punct'; text: string; line: number }
  | { kind: 'string'; text: string; line: number }
  | { kind: 'opaque'; line: number } // a template literal's text or a regular expression: never part of an import

// After these a `/` starts a regular expression rather than a division.
const REGEX_AFTER_PUNCT = new Set('(,=:[!&|?{};+-*%<>~^'.split(''))
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await'])

const isWordChar = (c: string): boolean => /[\w$]/.test(c) || c.charCodeAt(0) > 127

/** Splits `source` into tokens; comments and whitespace are dropped. Unterminated strings end at the line's end. */
export function tokenizeSource(source: string): Token[] {
  const tokens: Token[] = []
  const braces: ('brace' | 'template')[] = [] // open `{` and `${`, so a `}` knows whether it resumes a template
  let line = 1
  let i = 0
  const n = source.length

  const regexAllowed = (): boolean => {
    const prev = tokens[tokens.length - 1]
    if (prev === undefined) return true
    if (prev.kind === 'punct') return REGEX_AFTER_PUNCT.has(prev.text)
    if (prev.kind === 'word') return REGEX_AFTER_WORD.has(prev.text)
    return false
  }

  /** Scans template text from i (just after ` or }) to the closing ` or to a `${`. */
  const scanTemplate = (): void => {
    const startLine = line
    while (i < n) {
      const c = source[i]!
      if (c === '\\') {
        i += 2
        continue
      }
      if (c === '\n') line++
      if (c === '`') {
        i++
        tokens.push({ kind: 'opaque', line: startLine })
        return
      }
      if (c === '$' && source[i + 1] === '{') {
        i += 2
        braces.push('template')
        tokens.push({ kind: 'opaque', line: startLine })
        tokens.push({ kind: 'punct', text: '(', line }) // the expression inside behaves like a parenthesised one
        return
      }
      i++
    }
  }

  while (i < n) {
    const c = source[i]!
    const next = source[i + 1]
    if (c === '\n') {
      line++
      i++
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++
    } else if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      const stop = end === -1 ? n : end + 2
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++
      i = stop
    } else if (c === "'" || c === '"') {
      const startLine = line
      let text = ''
      i++
      while (i < n && source[i] !== c && source[i] !== '\n') {
        if (source[i] === '\\') {
          text += source[i + 1] ?? ''
          i += 2
        } else {
          text += source[i]
          i++
        }
      }
      if (source[i] === c) i++
      tokens.push({ kind: 'string', text, line: startLine })
    } else if (c === '`') {
      i++
      scanTemplate()
    } else if (c === '/' && regexAllowed()) {
      const startLine = line
      let inClass = false
      i++
      while (i < n && source[i] !== '\n') {
        const r = source[i]!
        if (r === '\\') {
          i += 2
          continue
        }
        i++
        if (r === '[') inClass = true
        else if (r === ']') inClass = false
        else if (r === '/' && !inClass) break
      }
      while (i < n && isWordChar(source[i]!)) i++ // flags
      tokens.push({ kind: 'opaque', line: startLine })
    } else if (isWordChar(c)) {
      let k = i + 1
      while (k < n && isWordChar(source[k]!)) k++
      tokens.push({ kind: 'word', text: source.slice(i, k), line })
      i = k
    } else if (c === '{') {
      braces.push('brace')
      tokens.push({ kind: 'punct', text: c, line })
      i++
    } else if (c === '}') {
      i++
      if (braces.pop() === 'template') {
        tokens.push({ kind: 'punct', text: ')', line })
        scanTemplate()
      } else {
        tokens.push({ kind: 'punct', text: c, line })
      }
    } else {
      tokens.push({ kind: 'punct', text: c, line })
      i++
    }
  }
  return tokens
}

const isPunct = (t: Token | undefined, text: string): boolean => t?.kind === 'punct' && t.text === text
const isWord = (t: Token | undefined, text: string): boolean => t?.kind === 'word' && t.text === text

/** Every import of `source`, in order of appearance. */
export function scanImports(source: string): ImportRecord[] {
  const tokens = tokenizeSource(source)
  const out: ImportRecord[] = []

  /** From token k (just after `import`/`export`), the `from 'm'` that ends the clause, stopping at a `;`. */
  const findFrom = (k: number): { specifier: { text: string; line: number }; end: number } | undefined => {
    let depth = 0
    for (let j = k; j < tokens.length; j++) {
      const t = tokens[j]!
      if (t.kind === 'punct' && t.text === '{') depth++
      else if (t.kind === 'punct' && t.text === '}') depth--
      else if (depth === 0 && t.kind === 'punct' && t.text === ';') return undefined
      else if (depth === 0 && isWord(t, 'from')) {
        const specifier = tokens[j + 1]
        if (specifier?.kind === 'string') return { specifier, end: j + 1 }
      }
      else if (depth < 0) return undefined
    }
    return undefined
  }

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!
    const prev = tokens[k - 1]
    if (t.kind !== 'word' || isPunct(prev, '.')) continue
    const a = tokens[k + 1]
    const b = tokens[k + 2]
    if (t.text === 'import') {
      if (isPunct(a, '(')) {
        // import('m'): only a plain string argument names a module we can check.
        if (b?.kind === 'string' && (isPunct(tokens[k + 3], ')') || isPunct(tokens[k + 3], ','))) {
          out.push({ specifier: b.text, line: b.line, typeOnly: isWord(prev, 'typeof'), dynamic: true })
        }
        continue
      }
      if (isPunct(a, '.')) continue // import.meta
      if (a?.kind === 'string') {
        out.push({ specifier: a.text, line: a.line, typeOnly: false, dynamic: false })
        continue
      }
      // `import type from 'm'` imports a default export named "type"; `import type X from` / `import type {` is type-only.
      const typeOnly = isWord(a, 'type') && !isWord(b, 'from') && !isPunct(b, ',')
      const found = findFrom(k + 1)
      if (found) {
        out.push({ specifier: found.specifier.text, line: found.specifier.line, typeOnly, dynamic: false })
        k = found.end
      }
    } else if (t.text === 'export') {
      const typeOnly = isWord(a, 'type') && (isPunct(b, '{') || isPunct(b, '*'))
      if (!(isPunct(a, '{') || isPunct(a, '*') || typeOnly)) continue // export const …, export function …
      const found = findFrom(k + 1)
      if (found) {
        out.push({ specifier: found.specifier.text, line: found.specifier.line, typeOnly, dynamic: false })
        k = found.end
      }
    }
  }
  return out
}
