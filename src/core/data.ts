// Large data (word lists, dictionaries, a tagger's model) reaches the core through loaders, never
// through a file read: the core runs unchanged in Node, a worker thread and a browser's Web
// Worker. A data set's default loader is a dynamic import of a module that holds it, which every
// bundler understands: the Node build reads it from a file beside the core, a browser build
// fetches it as a separate chunk, on first use. A front end may supply the raw value instead
// (`LintOptions.loadData`), for example from its own cache.

/** A large piece of data a rule needs, loaded once and kept; declared in a rule's `meta.data`. */
export interface DataSet<T = unknown> {
  readonly name: string
  /** The loaded value; throws when nothing has loaded it yet (lint() does, lintSync() does not). */
  get(): T
  /** True once loaded. */
  readonly ready: boolean
  /** Load it (once; later calls share the first), from `supply` when it gives a value. */
  load(supply?: DataSupplier): Promise<T>
  /** False when a text cannot need this data set, so lint() need not load it (a model no sentence calls for). */
  wanted(text: string): boolean
}

/** What a front end may supply for a data set by name: its raw value, or undefined for the default. */
export type DataSupplier = (name: string) => unknown | Promise<unknown>

/**
 * Declare a data set: `raw` brings the raw value (usually `() => import('./data/x.ts').then((m) => m.default)`),
 * `parse` turns it into what rules use. Both run once per process.
 */
export function defineData<T, R = T>(
  name: string,
  raw: () => Promise<R>,
  parse: (value: R) => T = (value) => value as unknown as T,
  wanted: (text: string) => boolean = () => true
): DataSet<T> {
  let value: T | undefined
  let ready = false
  let pending: Promise<T> | undefined
  return {
    name,
    get ready() {
      return ready
    },
    wanted,
    get() {
      if (!ready) throw new Error(`soplint: the data set "${name}" is not loaded; await lint() or prepare() before lintSync()`)
      return value as T
    },
    load(supply) {
      pending ??= (async () => {
        const supplied = supply ? await supply(name) : undefined
        const parsed = parse(supplied !== undefined ? (supplied as R) : await raw())
        value = parsed
        ready = true
        return parsed
      })()
      // A failed load is not cached: the next lint tries again.
      pending.catch(() => (pending = undefined))
      return pending
    }
  }
}

/** Load every data set in `sets` that is not loaded yet (and, given the text, that it wants). */
export async function loadData(sets: Iterable<DataSet>, supply?: DataSupplier, text?: string): Promise<void> {
  const waiting: Promise<unknown>[] = []
  for (const set of sets) if (!set.ready && (text === undefined || set.wanted(text))) waiting.push(set.load(supply))
  await Promise.all(waiting)
}
