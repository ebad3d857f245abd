// TeX math written with dollars in Markdown (`an $F_1$ score`): not prose, so it reaches the rules
// as a placeholder token, as `$...$` in a .tex file does. The test is pandoc's (tex_math_dollars):
// the opening `$` is followed by a non-space, the closing one follows a non-space and is not
// followed by a digit, so prices ("$5 and $10", "$5-$10") stay text.
const dollarMath = /\$(?![\s$])(?:[^$\\]|\\[^])*?(?<![\s\\])\$(?!\d)/g

/** The ranges [start, end) of `$...$` math in a text, in order. */
export function mathRanges(value: string): Array<[number, number]> {
  if (!value.includes('$')) return []
  const out: Array<[number, number]> = []
  for (const m of value.matchAll(dollarMath)) out.push([m.index, m.index + m[0].length])
  return out
}
