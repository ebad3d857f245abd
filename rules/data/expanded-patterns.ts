// The patterns of the phrase lists written as families (`comprise~`, "I am"), expanded by
// rules/inflect.ts, as JSON: an object from each pattern as written to its expansion. The build
// replaces this module with one that holds them (scripts/prebuilt-phrases.js); in development there
// are none, and inflect.ts expands each pattern when its rule is loaded.

/** The expansions the sources make, where the build has recorded them. */
export const prebuiltExpansions: string | undefined = undefined
