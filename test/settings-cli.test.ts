// Which setting wins, as the real CLI shows it: a flag beats the front matter, which beats the
// config file; --print-config prints what linting the file uses; and when nothing names the kind,
// the text may show it, and the output says so.
import {describe, expect, it} from 'vitest'
import {soplint, workspace} from './helpers.ts'

const withFrontmatter = '---\ntarget: University of Toronto\nprogram: MSc Physics\nmaxWords: 500\n---\n\nI want to study cold atoms at the University of Toronto, where the physics group built the first lattice clock I read about.\n'

const letter = 'Dear Hiring Manager,\n\nI am writing to apply for the data analyst position at Northwind. In my current role I rebuilt the weekly sales report.\n\nThank you for your consideration.\n\nSincerely,\nAsha Rao\n'

const json = (stdout: string) => JSON.parse(stdout) as Array<{settings: {kind: string; kindInferred?: string; target?: string; maxWords: number}; messages: Array<{ruleId: string}>}>

describe('settings from the command line, the front matter and the text', () => {
  it('a flag beats the front matter, which beats the config file', () => {
    const dir = workspace({'sop.md': withFrontmatter}, {target: 'ETH Zurich', maxWords: 900})
    const plain = json(soplint(['-f', 'json', 'sop.md'], {cwd: dir}).stdout)[0]
    expect(plain.settings.target).toBe('University of Toronto')
    expect(plain.settings.maxWords).toBe(500)
    const flagged = json(soplint(['-f', 'json', '--target', 'McGill University', '--preset', 'cover-letter', 'sop.md'], {cwd: dir}).stdout)[0]
    expect(flagged.settings.target).toBe('McGill University')
    expect(flagged.settings.kind).toBe('cover-letter')
    // The text names Toronto, not the target the flag gave: that is the mismatch to report.
    expect(flagged.messages.map((m) => m.ruleId)).toContain('target-mismatch')
  })

  it('--print-config prints the front matter settings the lint of that file uses', () => {
    const dir = workspace({'sop.md': withFrontmatter})
    const printed = JSON.parse(soplint(['--print-config', 'sop.md'], {cwd: dir}).stdout)
    expect(printed).toMatchObject({target: 'University of Toronto', program: 'MSc Physics', maxWords: 500, kind: 'sop', preset: 'sop'})
    const flagged = JSON.parse(soplint(['--print-config', 'sop.md', '--target', 'McGill University'], {cwd: dir}).stdout)
    expect(flagged.target).toBe('McGill University')
  })

  it('infers a cover letter from a salutation and a position, says so, and does not flag its courtesies', () => {
    const dir = workspace({'application.md': letter, 'statement.md': letter.replace('data analyst position at Northwind', 'PhD program in statistics').replace('In my current role I rebuilt the weekly sales report.', 'My thesis studied graduate admissions.')})
    const [cover, sop] = json(soplint(['-f', 'json', 'application.md', 'statement.md'], {cwd: dir}).stdout)
    expect(cover.settings.kind).toBe('cover-letter')
    expect(cover.settings.kindInferred).toMatch(/Dear Hiring Manager.*position/)
    expect(cover.messages.map((m) => m.ruleId)).not.toContain('letter-formality')
    expect(sop.settings.kind).toBe('sop')
    expect(sop.settings.kindInferred).toBeUndefined()
    expect(sop.messages.map((m) => m.ruleId)).toContain('letter-formality')
    const stylish = soplint(['application.md'], {cwd: dir, env: {NO_COLOR: '1'}}).stdout
    expect(stylish).toContain('cover-letter (inferred: it opens with "Dear Hiring Manager"')
    // Anything that names the kind wins over the text.
    expect(json(soplint(['-f', 'json', '--preset', 'sop', 'application.md'], {cwd: dir}).stdout)[0].settings.kind).toBe('sop')
  })
})
