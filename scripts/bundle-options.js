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
 * wink's English model (the part-of-speech tagger of grammar-pattern) is 3 MB of JSON: a base64
 * lexicon, feature lists, and models for sentiment and entities it loads beside them. Loading it
 * cost a cold run more than half a second, on every text with a sentence for the tagger:
 *
 * - bundled as esbuild bundles JSON, each file became object literals that V8 compiled and ran as
 *   code; the bundle carries each as a string for JSON.parse, as Node's require reads JSON, and
 *   the model reader parses the core model's text once per call instead of deep-copying a parsed
 *   one through JSON.stringify and JSON.parse;
 * - the reader then put the 87,000 words of the lexicon into an object from word to place, the
 *   largest single cost of making the tagger. The bundle's model carries the places of the words
 *   in sorted order (`lexemeOrder`, computed here), and the reader gives wink a lookup that finds a
 *   word by binary search in that order instead: for every word the same place the object gave
 *   (the last, for a word listed twice) or none, and words wink adds later are kept beside it;
 * - the words of the lexicon are one string, and a word is made a string of its own only when
 *   wink reads it: JSON.parse making each of them a string was half the time of reading the model;
 * - the Node build keeps the model in two files beside dist/tagger.cjs (see scripts/build.js): the
 *   JSON without the lexicon, its expansions and the order, and those three as the bytes they
 *   decode to, which the reader copies into its arrays instead of decoding 2.3 MB of base64.
 *
 * As above, the build fails if the reader is not as known. The sources run the package as it is;
 * test/bundle.test.ts and test/browser-core.test.ts hold the bundles to the sources' findings.
 */
export const parsedTaggerModel = taggerModel({json: (parts) => JSON.stringify(JSON.stringify(parts.json))})

/**
 * The plugin above. `json(parts)` is a JavaScript expression for the core model's JSON text (a
 * string literal of it, or a read of a file), and `binary(parts)`, when given, one for the bytes
 * of its binary arrays (the Node build reads both from files), for the parts of taggerModelParts().
 */
export function taggerModel({json, binary}) {
  return {
    name: 'parsed-tagger-model',
    setup(b) {
      const models = /[\\/]wink-eng-lite-web-model[\\/]dist[\\/]languages[\\/]cur[\\/]models[\\/][^\\/]+\.json$/
      b.onLoad({filter: models}, (args) => ({contents: `module.exports = JSON.parse(${JSON.stringify(readFileSync(args.path, 'utf8'))})`, loader: 'js'}))
      b.onLoad({filter: /[\\/]wink-eng-lite-web-model[\\/]dist[\\/]read-core-model\.js$/}, (args) => {
        const source = readFileSync(args.path, 'utf8')
        const parts = taggerModelParts(args.path, Boolean(binary))
        const array = (name) => (binary ? `binaryPart(binaryModel,model.binary.${name})` : `new Uint32Array(bufferFromBase64(model.${name}))`)
        const swaps = [
          ['const originalModel=require("./languages/cur/models/eng-core-web-model.json")', `const originalModel=${json(parts)}${binary ? `,binaryModel=${binary(parts)}` : ''}`],
          ['const model=JSON.parse(JSON.stringify(originalModel))', `const model=JSON.parse(originalModel);const lexemes=lexemeWords(model.features.lexeme.list,${JSON.stringify(lexemeSeparator)});model.features.lexeme.list=lexemes.list`],
          ['model.lexicon=new Uint32Array(bufferFromBase64(model.lexicon)),model.xpansions=new Uint32Array(bufferFromBase64(model.xpansions))', `model.lexicon=${array('lexicon')},model.xpansions=${array('xpansions')}`],
          [
            'featuresData.lexeme.hash=Object.create(null);for(let k=0;k<featuresData.lexeme.list.length;k+=1)featuresData.lexeme.hash[featuresData.lexeme.list[k]]=k;',
            `featuresData.lexeme.hash=sortedLookup(lexemes.word,${array('lexemeOrder')});`
          ]
        ]
        let contents = source
        for (const [from, to] of swaps) {
          if (source.split(from).length !== 2) throw new Error(`${args.path}: expected the core model read as known ("${from.slice(0, 50)}..."); update taggerModel in scripts/bundle-options.js`)
          contents = contents.replace(from, () => to)
        }
        if ((source.match(/originalModel|lexeme\.hash|model\.lexicon|model\.xpansions/g) ?? []).length !== 8) throw new Error(`${args.path}: the core model is read in more places than known; update taggerModel in scripts/bundle-options.js`)
        return {contents: `${contents}\n${lexemeWords}\n${sortedLookup}\n${binaryPart}`, loader: 'js'}
      })
    }
  }
}

// The lexicon's words as the patched reader gives them to wink: `list[place]`, `list.length` and
// `list.push(word)` are all wink does with the list (wink-nlp's cache.js), and a word is made a
// string only when it is read; anything else fails loudly rather than see an empty list.
const lexemeWords = `function lexemeWords(joined, separator) {
  const starts = [];
  for (let at = 0; ; ) {
    starts.push(at);
    const next = joined.indexOf(separator, at);
    if (next < 0) break;
    at = next + 1;
  }
  const known = starts.length;
  starts.push(joined.length + 1);
  const added = [];
  // Each word read is kept: tagging reads the same few hundred words again and again.
  const read = new Map();
  const word = (place) => {
    if (place >= known) return added[place - known];
    let found = read.get(place);
    if (found === undefined) read.set(place, (found = joined.slice(starts[place], starts[place + 1] - 1)));
    return found;
  };
  const push = (...words) => added.push(...words) + known;
  const list = new Proxy([], {
    get(target, key) {
      if (typeof key !== 'string') return Reflect.get(target, key);
      const code = key.charCodeAt(0);
      if (code >= 48 && code <= 57) return word(Number(key));
      if (key === 'length') return known + added.length;
      if (key === 'push') return push;
      throw new Error('soplint: the tagger read its lexicon as ' + key + ', which the bundle does not provide (scripts/bundle-options.js)');
    },
    set() {
      throw new Error('soplint: the tagger wrote to its lexicon, which the bundle does not provide (scripts/bundle-options.js)');
    }
  });
  return {list, word};
}`

// The lookup the patched reader gives wink for its lexicon: `hash[word]` and `hash[word] = place`
// are all wink does with it (wink-nlp's cache.js).
const sortedLookup = `function sortedLookup(word, order) {
  // Words wink added, and every word looked up so far with its place (undefined for none).
  const seen = new Map();
  return new Proxy(Object.create(null), {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (seen.has(key)) return seen.get(key);
      let place;
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const found = word(order[mid]);
        if (found === key) {
          place = order[mid];
          break;
        }
        if (found < key) lo = mid + 1;
        else hi = mid;
      }
      seen.set(key, place);
      return place;
    },
    set(target, key, place) {
      seen.set(key, place);
      return true;
    }
  });
}`

// One array of the binary file, copied: a fresh, aligned array for each model read.
const binaryPart = `function binaryPart(bytes, [start, length]) {
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + start + length));
}`

/**
 * The core model as the bundles carry it, from the path of the package's model reader, with
 * `lexemeOrder`: the places of the lexicon's words sorted by word (one place for a word listed
 * more than once, its last), 32-bit numbers like the lexicon's. Without `binary`, `json` is the
 * model with the order in base64 as the lexicon is; with it, `json` has none of the three arrays
 * but where each lies in `bytes` (`binary.lexicon` is [start, length in bytes], and so on), the
 * bytes their base64 decodes to.
 */
export function taggerModelParts(reader, binary) {
  const model = JSON.parse(readFileSync(path.join(path.dirname(reader), 'languages/cur/models/eng-core-web-model.json'), 'utf8'))
  const list = model.features?.lexeme?.list
  if (model.lexemeOrder !== undefined || model.binary !== undefined || typeof model.lexicon !== 'string' || typeof model.xpansions !== 'string' || !Array.isArray(list)) {
    throw new Error(`${reader}: the core model is not as known; update taggerModelParts in scripts/bundle-options.js`)
  }
  const last = new Map(list.map((word, place) => [word, place]))
  const order = [...last.values()].sort((a, b) => (list[a] < list[b] ? -1 : list[a] > list[b] ? 1 : 0))
  // Little-endian, as the lexicon's own bytes are read on every platform Node and browsers run on.
  const orderBytes = Buffer.alloc(order.length * 4)
  order.forEach((place, i) => orderBytes.writeUInt32LE(place, i * 4))
  if (!binary) return {json: joinedLexemes({...model, lexemeOrder: orderBytes.toString('base64')}, reader)}
  const arrays = {lexicon: Buffer.from(model.lexicon, 'base64'), xpansions: Buffer.from(model.xpansions, 'base64'), lexemeOrder: orderBytes}
  const layout = {}
  let at = 0
  for (const [name, bytes] of Object.entries(arrays)) {
    if (bytes.length % 4) throw new Error(`${reader}: the core model's ${name} is not whole 32-bit numbers`)
    layout[name] = [at, bytes.length]
    at += bytes.length
  }
  const {lexicon: _lexicon, xpansions: _xpansions, ...rest} = model
  return {json: joinedLexemes({...rest, binary: layout}, reader), bytes: Buffer.concat(Object.values(arrays))}
}

// The lexicon's 87,000 words as one string, read a word at a time (lexemeWords): JSON.parse
// making a string of each was half the time of reading the model, and splitting the string as
// long again. DEL parts them: no word has it, and JSON writes it as it is, where a control
// character would take six characters.
const lexemeSeparator = '\u007f'
function joinedLexemes(model, reader) {
  const list = model.features.lexeme.list
  if (list.some((word) => word.includes(lexemeSeparator)) || Object.keys(model.features.lexeme).length !== 1) throw new Error(`${reader}: the lexicon is not as known; update joinedLexemes in scripts/bundle-options.js`)
  return {...model, features: {...model.features, lexeme: {list: list.join(lexemeSeparator)}}}
}

/**
 * JavaScript source with every character outside ASCII written as a \u escape, which means the
 * same in a string, a template, a regular expression and a comment. A character escaped with a
 * backslash (`/[\-\–]/`, an identity escape: the character itself) loses that backslash, or it
 * would escape the escape's own backslash instead (`[\-\\u2013]` matches `u`, `2`, `0`...).
 */
export function asciiSource(source) {
  return source.replace(/(\\*)([^\0-\x7f])/g, (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
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
    plugins: [yamlPlugin, unnamedVisits, linearTextResolver, windowedMacroArgs, chunkedAttention, footnoteSet, sharedCompileContext, emailLookahead, boundedLatexMemo, parsedTaggerModel, tokenClassTable],
    logLevel: 'warning'
  }
  // The phrase trie is compiled by a build of the sources with these options, less this plugin.
  return {...options, plugins: [...options.plugins, prebuiltPhrases(options)]}
}
