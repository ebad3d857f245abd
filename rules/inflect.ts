// Inflection and contraction for phrase patterns, so that one entry covers a family: `comprise~`
// stands for comprise, comprises, comprised and comprising, and a pattern written with `I have`
// also matches `I've` (and the reverse). The expansion happens before a list is registered, in
// the standard pattern syntax, so the one-pass trie matches it like any other entry.
import type {PhraseEntry} from '../src/core/phrases.ts'
import {prebuiltExpansions} from './data/expanded-patterns.ts'

// Verbs whose past forms are not base + -ed (both forms where both are standard).
const irregular: Record<string, string[]> = {
  be: ['am', 'is', 'are', 'was', 'were', 'been', 'being'],
  have: ['has', 'had', 'having'],
  do: ['does', 'did', 'done', 'doing'],
  go: ['goes', 'went', 'gone', 'going'],
  make: ['makes', 'made', 'making'],
  take: ['takes', 'took', 'taken', 'taking'],
  give: ['gives', 'gave', 'given', 'giving'],
  get: ['gets', 'got', 'gotten', 'getting'],
  pay: ['pays', 'paid', 'paying'],
  teach: ['teaches', 'taught', 'teaching'],
  learn: ['learns', 'learned', 'learnt', 'learning'],
  dream: ['dreams', 'dreamed', 'dreamt', 'dreaming'],
  burn: ['burns', 'burned', 'burnt', 'burning'],
  spell: ['spells', 'spelled', 'spelt', 'spelling'],
  build: ['builds', 'built', 'building'],
  write: ['writes', 'wrote', 'written', 'writing'],
  meet: ['meets', 'met', 'meeting'],
  find: ['finds', 'found', 'finding'],
  feel: ['feels', 'felt', 'feeling'],
  keep: ['keeps', 'kept', 'keeping'],
  lead: ['leads', 'led', 'leading'],
  hold: ['holds', 'held', 'holding'],
  bring: ['brings', 'brought', 'bringing'],
  think: ['thinks', 'thought', 'thinking'],
  seek: ['seeks', 'sought', 'seeking'],
  grow: ['grows', 'grew', 'grown', 'growing'],
  know: ['knows', 'knew', 'known', 'knowing'],
  come: ['comes', 'came', 'coming'],
  become: ['becomes', 'became', 'becoming'],
  see: ['sees', 'saw', 'seen', 'seeing'],
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  run: ['runs', 'ran', 'running'],
  spend: ['spends', 'spent', 'spending'],
  win: ['wins', 'won', 'winning'],
  begin: ['begins', 'began', 'begun', 'beginning'],
  break: ['breaks', 'broke', 'broken', 'breaking'],
  choose: ['chooses', 'chose', 'chosen', 'choosing'],
  hit: ['hits', 'hitting'],
  set: ['sets', 'setting'],
  put: ['puts', 'putting'],
  shape: ['shapes', 'shaped', 'shaping'],
  light: ['lights', 'lit', 'lighted', 'lighting'],
  fall: ['falls', 'fell', 'fallen', 'falling'],
  stand: ['stands', 'stood', 'standing'],
  understand: ['understands', 'understood', 'understanding'],
  sleep: ['sleeps', 'slept', 'sleeping'],
  drive: ['drives', 'drove', 'driven', 'driving'],
  ignite: ['ignites', 'ignited', 'igniting'],
  spark: ['sparks', 'sparked', 'sparking'],
  fuel: ['fuels', 'fueled', 'fuelled', 'fueling', 'fuelling'],
  instil: ['instils', 'instilled', 'instilling'],
  instill: ['instills', 'instilled', 'instilling'],
  travel: ['travels', 'traveled', 'travelled', 'traveling', 'travelling']
}

const vowel = /[aeiou]/

/** The forms of an English verb (or the plural of a noun, in its -s form): base, -s, -ed, -ing. */
export function inflections(base: string): string[] {
  if (irregular[base]) return [base, ...irregular[base]]
  const forms = new Set([base])
  // -s
  if (/(?:s|x|z|ch|sh|o)$/.test(base)) forms.add(base + 'es')
  else if (/[^aeiou]y$/.test(base)) forms.add(base.slice(0, -1) + 'ies')
  else forms.add(base + 's')
  // -ed and -ing
  if (base.endsWith('e')) {
    forms.add(base + 'd')
    forms.add(base.endsWith('ee') ? base + 'ing' : base.slice(0, -1) + 'ing')
  } else if (/[^aeiou]y$/.test(base)) {
    forms.add(base.slice(0, -1) + 'ied')
    forms.add(base + 'ing')
  } else if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(base) && base.length <= 4 && vowel.test(base)) {
    // One syllable ending consonant-vowel-consonant doubles: stop, stopped, stopping.
    const last = base[base.length - 1]
    forms.add(base + last + 'ed')
    forms.add(base + last + 'ing')
  } else {
    forms.add(base + 'ed')
    forms.add(base + 'ing')
  }
  return [...forms]
}

// Written either way in a pattern, each matches the other.
const contractions: Array<[string, string]> = [
  ['i am', "i'm"],
  ['i have', "i've"],
  ['i would', "i'd"],
  ['i will', "i'll"],
  ['we have', "we've"],
  ['we are', "we're"],
  ['they are', "they're"],
  ['you are', "you're"],
  ['it is', "it's"],
  ['that is', "that's"],
  ['there is', "there's"],
  ['what is', "what's"],
  ['who is', "who's"],
  ['do not', "don't"],
  ['does not', "doesn't"],
  ['did not', "didn't"],
  ['cannot', "can't"],
  ['can not', "can't"],
  ['is not', "isn't"],
  ['was not', "wasn't"],
  ['will not', "won't"],
  ['would not', "wouldn't"],
  ['could not', "couldn't"]
]

function expandAlternative(alternative: string): string[] {
  const words = alternative
    .trim()
    .split(/\s+/)
    .map((chunk) =>
      chunk
        .split('|')
        .flatMap((w) => (w.endsWith('~') ? inflections(w.slice(0, -1)) : [w]))
        .filter((w, i, all) => all.indexOf(w) === i)
        .join('|')
    )
  const out = new Set([words.join(' ')])
  // Contractions apply to plain words only (not to `a|b` chunks): "i have" <-> "i've".
  for (const phrase of [...out]) {
    for (const [long, short] of contractions) {
      const padded = ` ${phrase} `
      if (padded.includes(` ${long} `)) out.add(padded.replace(` ${long} `, ` ${short} `).trim())
      if (padded.includes(` ${short} `)) out.add(padded.replace(` ${short} `, ` ${long} `).trim())
    }
  }
  return [...out]
}

// Expanding the lists' families when their rules were loaded took a cold run tens of
// milliseconds (the possessive and opener families are hundreds of alternatives), so the bundle
// carries what the sources expanded (rules/data/expanded-patterns.ts), and each pattern is
// expanded at most once in a process.
let expanded: Map<string, string> | undefined

/** A pattern with `word~` and contractions expanded into the standard syntax. */
export function expandFamily(phrase: string): string {
  expanded ??= new Map(prebuiltExpansions === undefined ? [] : Object.entries(JSON.parse(prebuiltExpansions) as Record<string, string>))
  let out = expanded.get(phrase)
  if (out === undefined) {
    out = expand(phrase)
    expanded.set(phrase, out)
  }
  return out
}

function expand(phrase: string): string {
  if (!/~|\b(?:i|we|they|you|it|that|there|what|who|do|does|did|can|is|was|will|would|could)\b|n't|'(?:m|ve|d|ll|re|s)\b/i.test(phrase)) return phrase
  return phrase
    .split(/\s+\|\s+/)
    .flatMap(expandAlternative)
    .filter((p, i, all) => all.indexOf(p) === i)
    .join(' | ')
}

/** Every pattern expanded in this process so far, and its expansion: what the build records for the bundle. */
export function expansionsMade(): Record<string, string> {
  return Object.fromEntries(expanded ?? [])
}

/** Entries of a list with their patterns expanded (examples, allows and the rest unchanged). */
export function expandEntries<T extends PhraseEntry>(entries: T[]): T[] {
  return entries.map((entry) => ({...entry, phrase: expandFamily(entry.phrase)}))
}
