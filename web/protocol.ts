// The messages between the page (main.ts) and its linting worker (worker.ts). Everything in them
// is structured-cloneable: plain objects, strings, numbers, ArrayBuffers.
import type {InputFormat, Kind, LintMessage, TextStats} from '../src/index.ts'

/** The settings a writer picks on the page. */
export interface PageSettings {
  kind: Kind
  target: string
  /** The word limit; 0 means the kind's usual range. */
  limit: number
}

/** What the page asks of the worker. */
export type Request =
  | {type: 'lint'; id: number; text: string; format: Exclude<InputFormat, 'docx'>; settings: PageSettings}
  | {type: 'docx'; id: number; bytes: ArrayBuffer}
  | {type: 'html'; id: number; html: string}

/** A rule as the page shows it next to a finding. */
export interface RuleInfo {
  id: string
  description: string
  rationale: string
  fix: 'none' | 'suggest' | 'auto'
  example: {before: string; after: string}
  url: string
}

/** What the worker answers. */
export type Reply =
  | {type: 'ready'; rules: RuleInfo[]}
  /** `partial`: only the rules that need no large data ran (it is still loading; `loaded` follows). */
  /** `lintMs`: the time the worker took, from the request to this reply (for the benchmark). */
  | {type: 'findings'; id: number; partial: boolean; messages: LintMessage[]; minWords: number; maxWords: number; kind: Kind; lintMs: number}
  | {type: 'stats'; id: number; stats: TextStats}
  /** The large data has arrived: a lint now runs every rule. */
  | {type: 'loaded'}
  | {type: 'markdown'; id: number; markdown: string}
  /** The text cannot be read (malformed LaTeX, a damaged .docx); one line for the writer. */
  | {type: 'problem'; id: number; message: string}
