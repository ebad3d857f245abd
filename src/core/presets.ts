import type {Kind} from './types.ts'

/** Word ranges and descriptions of the kinds of statement. */
export const presets: Record<Kind, {minWords: number; maxWords: number; description: string}> = {
  sop: {minWords: 300, maxWords: 1000, description: 'statement of purpose (the default)'},
  'personal-statement': {minWords: 300, maxWords: 900, description: 'personal statement or personal history'},
  'research-statement': {minWords: 600, maxWords: 2000, description: 'research statement or proposal'},
  'cover-letter': {minWords: 200, maxWords: 400, description: 'cover letter or motivation letter'}
}

/** The preset names, for validation and help. */
export const kinds = Object.keys(presets) as Kind[]
