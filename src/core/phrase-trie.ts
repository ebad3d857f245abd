// The trie of the built-in phrase lists, serialised as JSON (see PhraseTrieData in phrases.ts).
// The build replaces this module with one that holds it (scripts/prebuilt-phrases.js); in
// development there is none, and src/phrases.ts builds the trie when it is first needed.

/** The serialised trie of the built-in phrase lists, where the build has made it. */
export const prebuiltTrie: string | undefined = undefined
