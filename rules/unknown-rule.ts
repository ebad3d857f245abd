// An inline comment (`<!-- soplint disable hedg -->`, `% soplint ignore hedg`) that names a rule
// soplint does not have turns nothing off, and the writer believes it did. The config file says
// so for its rule ids; this says so for the comments, with the same did-you-mean.
import {closest} from '../src/core/suggest.ts'
import {defineRule} from '../src/core/rule.ts'
import {quote} from './util.ts'

/** A rule id in an inline comment that names no rule. */
export default defineRule({
  meta: {
    id: 'unknown-rule',
    description: 'An inline comment that names a rule soplint does not have',
    rationale:
      'A misspelt rule id in `<!-- soplint disable ... -->` (or `% soplint disable ...` in LaTeX) silently disables nothing, so the findings it was meant to silence stay and the writer cannot see why. Rule ids are those `soplint rules` lists, and those of your own `phrases`.',
    defaultLevel: 'warn',
    fix: 'suggest',
    type: 'problem',
    example: {before: '<!-- soplint disable hedg -->', after: '<!-- soplint disable hedge -->'}
  },
  check({doc, settings, report, ruleIds}) {
    const known = [...ruleIds, ...settings.phrases.flatMap((p) => (p.ruleId ? [p.ruleId] : []))]
    for (const directive of doc.directives) {
      const from = directive.start ?? directive.offset
      const comment = doc.text.slice(from, directive.offset)
      for (const id of directive.ruleIds) {
        if (known.includes(id)) continue
        const at = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(comment)
        const start = at ? from + at.index : from
        const end = at ? start + id.length : directive.offset
        // A close spelling, or the one rule whose id begins with it ("passive" for passive-voice).
        const prefixed = known.filter((k) => k.startsWith(id + '-'))
        const meant = closest(id, known) ?? (prefixed.length === 1 ? prefixed[0] : undefined)
        report({
          start,
          end,
          message: meant
            ? `${quote(id)} is not a soplint rule, so this comment turns nothing off; write ${quote(meant)}`
            : `${quote(id)} is not a soplint rule, so this comment turns nothing off; use a rule id from \`soplint rules\``,
          expected: meant ? [meant] : []
        })
      }
    }
  }
})
