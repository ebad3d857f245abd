// The esbuild settings of the real build, shared with bench/profile.js so that what is profiled
// is bundled exactly as what ships.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import {prebuiltPhrases} from './prebuilt-phrases.js'

/** Phrase lists and other data are YAML; they are bundled as JSON. */
export const yamlPlugin = {
  name: 'yaml',
  setup(b) {
    b.onLoad({filter: /\.yml$/}, (args) => ({contents: JSON.stringify(parse(readFileSync(args.path, 'utf8'))), loader: 'json'}))
  }
}

/**
 * unist-util-visit-parents makes a closure for every node it visits (and names it after the node,
 * with Object.defineProperty, so that stack traces read "node (WordNode)"). The retext plugins and
 * the GFM autolink pass visit every node of every document, and that naming was the largest single
 * allocator of a cold run (3 MB of 34) and about 10 ms of it; on a long statement the closures
 * were a tenth of the plugins' time. The bundle visits each node with one function called
 * recursively, doing what the closure did, in the same order. If the package changes so that the
 * known code is not found, the build fails here rather than ship an unpatched or broken copy.
 */
export const unnamedVisits = {
  name: 'unnamed-visits',
  setup(b) {
    b.onLoad({filter: /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const from = source.indexOf('\n  factory(tree, undefined, [])()\n')
      const to = source.indexOf('\n}\n', from)
      const region = from < 0 || to < 0 ? '' : source.slice(from, to)
      const known = [
        '\n  function factory(node, index, parents) {\n',
        "Object.defineProperty(visit, 'name', {",
        '\n    return visit\n\n    function visit() {\n',
        '\n            const subresult = factory(child, offset, grandparents)()\n',
        "'` from `exit`, expected `CONTINUE`, `EXIT`, index, or nothing'"
      ]
      if (!region || known.some((k) => region.split(k).length !== 2) || (region.match(/\n\s*function \w+\(/g) ?? []).length !== 2) {
        throw new Error(`${args.path}: expected visitParents' visiting code as known; update unnamedVisits in scripts/bundle-options.js`)
      }
      const visit = `
  visitNode(tree, undefined, [])

  // One function called for each node, where the package makes a closure for each (scripts/bundle-options.js).
  function visitNode(node, index, parents) {
    const matches = !check || is(node, index, parents[parents.length - 1] || undefined)
    let result = empty
    if (enter && matches) {
      result = toResult(enter(node, parents, index))
      if (result[0] === EXIT) return result
    }
    if ('children' in node && node.children) {
      const nodeAsParent = node
      if (nodeAsParent.children && result[0] !== SKIP) {
        let offset = (preorder ? -1 : nodeAsParent.children.length) + step
        const grandparents = [...parents, nodeAsParent]
        while (offset > -1 && offset < nodeAsParent.children.length) {
          const child = nodeAsParent.children[offset]
          const subresult = visitNode(child, offset, grandparents)
          if (subresult[0] === EXIT) return subresult
          offset = typeof subresult[1] === 'number' ? subresult[1] : offset + step
        }
      }
    }
    if (exit && matches) {
      const exitResult = toResult(exit(node, parents, index))
      if (exitResult[0] === SKIP) {
        throw new Error('Unexpected value \`' + exitResult[0] + '\` from \`exit\`, expected \`CONTINUE\`, \`EXIT\`, index, or nothing')
      }
      if (exitResult[0] === EXIT || typeof exitResult[1] === 'number') return exitResult
    }
    return result
  }`
      return {contents: source.slice(0, from) + visit + source.slice(to), loader: 'js'}
    })
  }
}

/**
 * micromark merges adjacent `data` events of a paragraph with one `events.splice` per run of
 * them, and every splice moves the rest of the paragraph's events: a paragraph with 20,000 bold
 * or italic spans, links or code spans took seconds in this one loop (the cost grows with the
 * square of the spans). The bundle swaps it for the same merge done in one pass, compacting the
 * array in place. The result is the same array of events; test/growth.test.ts compares
 * the trees. As above, the build fails if the function is not found as expected.
 */
export const linearTextResolver = {
  name: 'linear-text-resolver',
  setup(b) {
    b.onLoad({filter: /[\\/]micromark[\\/]lib[\\/]initialize[\\/]text\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const loop = /\n {4}let index = -1;\n[\s\S]*?\n {4}return extraResolver \? extraResolver\(events, context\) : events;\n/
      const matches = source.match(new RegExp(loop.source, 'g')) ?? []
      if (matches.length !== 1) throw new Error(`${args.path}: expected one data-merging loop, found ${matches.length}; update linearTextResolver in scripts/bundle-options.js`)
      const linear = `
    let write = 0;
    let index = 0;
    while (index < events.length) {
      if (events[index][1].type === "data") {
        let end = index + 1;
        while (end < events.length && events[end][1].type === "data") end++;
        if (end !== index + 2) events[index][1].end = events[end - 1][1].end;
        events[write++] = events[index];
        events[write++] = events[index + 1];
        index = end;
      } else events[write++] = events[index++];
    }
    events.length = write;
    return extraResolver ? extraResolver(events, context) : events;
`
      return {contents: source.replace(loop, linear), loader: 'js'}
    })
  }
}

/**
 * unified-latex attaches macro arguments walking a body's nodes from the end, and removes each
 * argument with `nodes.splice`, which moves every node after it: 20,000 `\\textbf{...}` in one
 * body took tens of seconds. The bundle keeps only a window of nodes after the macro being
 * attached in the array and sets the rest aside, putting it back at the end; an argument never
 * spans more nodes than the window (a node is a word, a space or a group), so the tree is the
 * same and the cost linear. As above, the build fails if the code is not found as expected.
 */
export const windowedMacroArgs = {
  name: 'windowed-macro-args',
  setup(b) {
    b.onLoad({filter: /[\\/]unified-latex-util-arguments[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const head = /\n\t\tgobbleUntilMacro\(\);\n\t\tif \(currIndex < 0\) return;\n/
      const tail = /\n\t\tmacro\.args = args;\n\t\tcurrIndex = macroIndex - 1;\n\t\}\n\}\n/
      for (const re of [head, tail]) {
        const found = source.match(new RegExp(re.source, 'g'))?.length ?? 0
        if (found !== 1) throw new Error(`${args.path}: expected attachMacroArgsInArray's loop as known, found ${found} matches of ${re}; update windowedMacroArgs in scripts/bundle-options.js`)
      }
      const contents = source
        .replace(head, `
		gobbleUntilMacro();
		if (currIndex < 0) break;
		if (nodes.length - currIndex > 2 * 1024) setAside.push(nodes.splice(currIndex + 1 + 1024));
`)
        .replace(tail, `
		macro.args = args;
		currIndex = macroIndex - 1;
	}
	for (let k = setAside.length - 1; k >= 0; k--) for (const node of setAside[k]) nodes.push(node);
}
`)
        .replace('\tconst isRelevantMacro = match.createMacroMatcher(macros);\n', '\tconst isRelevantMacro = match.createMacroMatcher(macros);\n\tconst setAside = [];\n')
      if (!contents.includes('const setAside = [];')) throw new Error(`${args.path}: attachMacroArgsInArray changed; update windowedMacroArgs in scripts/bundle-options.js`)
      return {contents, loader: 'js'}
    })
  }
}

/**
 * micromark pairs emphasis markers by splicing each pair's events into the paragraph's array,
 * which moves every event after it: a paragraph of 20,000 bold spans spent seconds moving events
 * it had not reached yet. The bundle hands the resolver the events a chunk at a time, so the part
 * after the pair being resolved is never longer than a chunk; pairing is done on the same events
 * in the same order, and the result goes back into the caller's array (micromark's subtokenizer
 * holds on to it), so the tree is the same; test/growth.test.ts compares what the bundle and the
 * sources find. As above, the build fails if the code moved.
 */
export const chunkedAttention = {
  name: 'chunked-attention',
  setup(b) {
    b.onLoad({filter: /[\\/]micromark-core-commonmark[\\/]lib[\\/]attention\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const marks = [
        [/\nfunction resolveAllAttention\(events, context\) \{\n/, `
function resolveAllAttention(all, context) {
  // Events are loaded from \`all\` as the walk reaches them (see scripts/bundle-options.js).
  let events = all.slice(0, 256);
  let loaded = events.length;
  const more = () => {
    if (loaded >= all.length) return false;
    const next = Math.min(all.length, loaded + 256);
    for (let k = loaded; k < next; k++) events.push(all[k]);
    loaded = next;
    return true;
  };
`],
        [/\n {2}while \(\+\+index < events\.length\) \{\n {4}\/\/ Find a token that can close\.\n/, `
  while (++index < events.length || more()) {
    if (index + 2 >= events.length) more();
    // Find a token that can close.
`],
        [/\n {2}\/\/ Remove remaining sequences\.\n/, `
  while (more());
  // Back into the caller's array: micromark's subtokenizer keeps a reference to it.
  all.length = 0;
  for (const event of events) all.push(event);
  events = all;
  // Remove remaining sequences.
`]
      ]
      let contents = source
      for (const [re, text] of marks) {
        const found = source.match(new RegExp(re.source, 'g'))?.length ?? 0
        if (found !== 1) throw new Error(`${args.path}: expected resolveAllAttention as known, found ${found} matches of ${re}; update chunkedAttention in scripts/bundle-options.js`)
        contents = contents.replace(re, text)
      }
      return {contents, loader: 'js'}
    })
  }
}

/**
 * micromark's footnote extension keeps the labels defined so far in an array and looks each call
 * and definition up with `includes`: 20,000 footnotes took seconds in that search alone. The
 * bundle keeps them in a Set (only this file reads the list). As above, the build fails if the
 * uses are not the seven known ones.
 */
export const footnoteSet = {
  name: 'footnote-set',
  setup(b) {
    b.onLoad({filter: /[\\/]micromark-extension-gfm-footnote[\\/]lib[\\/]syntax\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const uses = [
        ['self.parser.gfmFootnotes || (self.parser.gfmFootnotes = [])', 'self.parser.gfmFootnotes || (self.parser.gfmFootnotes = new Set())', 3],
        ['defined.includes(', 'defined.has(', 3],
        ['defined.push(', 'defined.add(', 1]
      ]
      let contents = source
      for (const [from, to, count] of uses) {
        const found = source.split(from).length - 1
        if (found !== count || (source.match(/gfmFootnotes/g) ?? []).length !== 6 || (source.match(/\bdefined\./g) ?? []).length !== 4) {
          throw new Error(`${args.path}: expected the footnote labels list as known (${count} of "${from}", found ${found}); update footnoteSet in scripts/bundle-options.js`)
        }
        contents = contents.split(from).join(to)
      }
      return {contents, loader: 'js'}
    })
  }
}

/**
 * mdast-util-from-markdown calls each event's handler on a fresh copy of its compile context
 * (`{...context, sliceSerialize}`), one object per event: on a paragraph of 100,000 bold spans
 * that was millions of short-lived objects, a fifth of the parse and most of its garbage. The
 * bundle calls the handlers on one context whose `sliceSerialize` is set before each call; the
 * handlers read `this` only while they run (none keeps it), so they see the same values. As
 * above, the build fails if the loop is not found as expected.
 */
export const sharedCompileContext = {
  name: 'shared-compile-context',
  setup(b) {
    b.onLoad({filter: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const copy = /\{\n {10}\.\.\.context,\n {10}sliceSerialize: events\[index\]\[2\]\.sliceSerialize\n {8}\}/g
      const found = source.match(copy)?.length ?? 0
      const loop = '    while (++index < events.length) {\n      const handler = config[events[index][0]];\n'
      if (found !== 3 || source.split(loop).length !== 2) throw new Error(`${args.path}: expected compile()'s handler loop as known (3 context copies, found ${found}); update sharedCompileContext in scripts/bundle-options.js`)
      const contents = source
        .replace(loop, '    const shared = {...context, sliceSerialize: undefined};\n' + loop + '      shared.sliceSerialize = events[index][2].sliceSerialize;\n')
        .replace(copy, 'shared')
      return {contents, loader: 'js'}
    })
  }
}

/**
 * GFM's email autolink literal is tried at the start of every word: micromark ends the text run
 * there, reads the word through, fails when it ends without an `@`, undoes the attempt and starts
 * a new text run. On ordinary prose that was a third of the Markdown parse. The bundle gives
 * micromark's tokenizer context a way to look ahead in the chunk of text it is reading
 * (`_scanChunk`), and the email construct neither breaks the text run (its `previous` hook) nor
 * starts when the first character after the word's letters, in that chunk, is not `@`: exactly
 * where it failed before (a word never spans chunks: they break only at line endings, tabs and
 * NUL), and the text runs it no longer splits were merged again by micromark's text resolver.
 * Where the chunk ends first, it reads on as before. As above, the build fails if the code is not
 * found as expected.
 */
export const emailLookahead = {
  name: 'email-lookahead',
  setup(b) {
    b.onLoad({filter: /[\\/]micromark[\\/]lib[\\/]create-tokenizer\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const at = '    sliceStream,\n    write\n  };\n'
      if (source.split(at).length !== 2 || !source.includes('  function now() {\n')) throw new Error(`${args.path}: expected the tokenizer context as known; update emailLookahead in scripts/bundle-options.js`)
      const scan = `    sliceStream,
    write,
    // The first code at or after the current one in the chunk being read that \`accept\` refuses,
    // or -2 when the chunk ends first or is not text (scripts/bundle-options.js).
    _scanChunk(accept) {
      const chunk = chunks[point._index];
      if (typeof chunk !== 'string') return -2;
      let index = point._bufferIndex < 0 ? 0 : point._bufferIndex;
      while (index < chunk.length && accept(chunk.charCodeAt(index))) index++;
      return index < chunk.length ? chunk.charCodeAt(index) : -2;
    }
  };
`
      return {contents: source.replace(at, scan), loader: 'js'}
    })
    b.onLoad({filter: /[\\/]micromark-extension-gfm-autolink-literal[\\/]lib[\\/]syntax\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const start = "    if (!gfmAtext(code) || !previousEmail.call(self, self.previous) || previousUnbalanced(self.events)) {\n      return nok(code);\n    }\n    effects.enter('literalAutolink');\n    effects.enter('literalAutolinkEmail');\n"
      if (source.split(start).length !== 2) throw new Error(`${args.path}: expected the email autolink's start as known; update emailLookahead in scripts/bundle-options.js`)
      const hook = '  previous: previousEmail\n};\n'
      if (source.split(hook).length !== 2) throw new Error(`${args.path}: expected the email autolink construct as known; update emailLookahead in scripts/bundle-options.js`)
      const ahead = `function wordEndsAtSign(self) {
  if (!self._scanChunk) return true;
  const stop = self._scanChunk(gfmAtext);
  return stop === -2 || stop === 64;
}
function previousEmailAhead(code) {
  return previousEmail.call(this, code) && wordEndsAtSign(this);
}
`
      const fast = start.replace("    effects.enter('literalAutolink');\n", "    if (!wordEndsAtSign(self)) return nok(code);\n    effects.enter('literalAutolink');\n")
      return {contents: ahead + source.replace(start, fast).replace(hook, '  previous: previousEmailAhead\n};\n'), loader: 'js'}
    })
  }
}

/**
 * unified-latex's LaTeX grammar memoizes every rule at every position in one object keyed by
 * position times rule: on a megabyte of LaTeX that object held tens of millions of entries, took
 * gigabytes and then failed with "Invalid array length", and on smaller documents filling it was a
 * fifth of the parse. The bundle keeps the memo in a table of 2^18 slots, each holding the last
 * result stored there (a direct-mapped cache): the parser goes back only a short way, so what it
 * asks for again is still there (unclosed braces 250 deep, which take exponential time without a
 * memo, parse as fast as with the full one), and a result no longer there is computed again, the
 * same. As above, the build fails if the code is not as expected.
 */
export const boundedLatexMemo = {
  name: 'bounded-latex-memo',
  setup(b) {
    b.onLoad({filter: /[\\/]unified-latex-util-pegjs[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const declaration = 'let peg$resultsCache = {};'
      const read = /const cached = peg\$resultsCache\[key\];/g
      const write = /peg\$resultsCache\[key\] = \{\s*nextPos: peg\$currPos,\s*result: s0\s*\};/g
      const reads = source.match(read)?.length ?? 0
      const writes = source.match(write)?.length ?? 0
      const all = source.match(/peg\$resultsCache/g)?.length ?? 0
      if (source.split(declaration).length !== 2 || reads === 0 || reads !== writes || all !== reads + writes + 1) {
        throw new Error(`${args.path}: expected the grammar's memo as known (${reads} reads, ${writes} writes, ${all} uses); update boundedLatexMemo in scripts/bundle-options.js`)
      }
      const memo = `function peg$boundedMemo() {
	const size = 1 << 18;
	const keys = new Int32Array(size).fill(-1);
	const values = new Array(size);
	return {
		get(key) {
			const slot = key & (size - 1);
			return keys[slot] === key ? values[slot] : undefined;
		},
		set(key, value) {
			const slot = key & (size - 1);
			keys[slot] = key;
			values[slot] = value;
		}
	};
}
`
      const contents = memo + source
        .replace(declaration, 'let peg$resultsCache = peg$boundedMemo();')
        .replace(read, 'const cached = peg$resultsCache.get(key);')
        .replace(write, 'peg$resultsCache.set(key, {nextPos: peg$currPos, result: s0});')
      return {contents, loader: 'js'}
    })
  }
}

/**
 * parse-latin's tokenizer classifies every character of every block with up to three Unicode
 * regular expressions (white space, punctuation, word): the largest single cost of the English
 * parse. The class of a UTF-16 code unit never changes, so the bundle remembers it in a table of
 * 65,536 entries filled as code units are met, with the same expressions. As above, the build
 * fails if the code is not found as expected.
 */
export const tokenClassTable = {
  name: 'token-class-table',
  setup(b) {
    b.onLoad({filter: /[\\/]parse-latin[\\/]lib[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const classify = "      const currentType = whiteSpace.test(current)\n        ? 'WhiteSpaceNode'\n        : punctuation.test(current)\n        ? 'PunctuationNode'\n        : word.test(current)\n        ? 'WordNode'\n        : 'SymbolNode'\n"
      if (source.split(classify).length !== 2) throw new Error(`${args.path}: expected the tokenizer's character classes as known; update tokenClassTable in scripts/bundle-options.js`)
      const table = `
// The node type of each UTF-16 code unit, as the expressions below give it (scripts/bundle-options.js).
const tokenTypes = ['WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode']
const tokenClasses = new Uint8Array(65536)
function tokenType(current) {
  const code = current.charCodeAt(0)
  let known = tokenClasses[code]
  if (known === 0) {
    known = whiteSpace.test(current) ? 1 : punctuation.test(current) ? 2 : word.test(current) ? 3 : 4
    tokenClasses[code] = known
  }
  return tokenTypes[known - 1]
}
`
      return {contents: source.replace(classify, '      const currentType = tokenType(current)\n') + table, loader: 'js'}
    })
  }
}

/** The bundle options every build of soplint uses; `root` is the checkout. */
export function bundleOptions(root) {
  const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  const options = {
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minifySyntax: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: {js: "import {createRequire as __soplintRequire} from 'node:module'; const require = __soplintRequire(import.meta.url);"},
    define: {SOPLINT_VERSION: JSON.stringify(version)},
    plugins: [yamlPlugin, unnamedVisits, linearTextResolver, windowedMacroArgs, chunkedAttention, footnoteSet, sharedCompileContext, emailLookahead, boundedLatexMemo, tokenClassTable],
    logLevel: 'warning'
  }
  // The phrase trie is compiled by a build of the sources with these options, less this plugin.
  return {...options, plugins: [...options.plugins, prebuiltPhrases(options)]}
}
