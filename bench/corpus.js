// A deterministic corpus of synthetic statements for the benchmark. Every sentence is built here
// from templates and word lists with a seeded generator, so two runs (and two machines) lint the
// same text. Some sentences carry the flaws soplint exists to catch: bold spans, stock phrases,
// grammar slips, repeated words, passive voice and the odd very long sentence.

/** A small, fast, seeded pseudo-random generator (mulberry32): returns floats in [0, 1). */
export function seeded(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const fields = ['computational biology', 'machine learning', 'materials science', 'public health', 'urban planning', 'signal processing', 'development economics', 'structural engineering', 'cognitive psychology', 'environmental chemistry', 'robotics', 'data visualisation', 'marine ecology', 'power systems', 'applied linguistics', 'operations research']
const topics = ['protein folding', 'graph neural networks', 'battery electrolytes', 'vaccine uptake', 'traffic flow', 'speech enhancement', 'microfinance', 'bridge fatigue', 'working memory', 'soil contamination', 'grasp planning', 'uncertainty in charts', 'coral bleaching', 'grid stability', 'second-language reading', 'hospital scheduling']
const methods = ['a Bayesian model', 'a finite element simulation', 'a randomised survey', 'a convolutional network', 'a field study', 'a mixed-effects regression', 'a controlled experiment', 'a set of interviews', 'a Monte Carlo simulation', 'a reinforcement learning agent', 'a qualitative coding scheme', 'a spectroscopy pipeline']
const places = ['my undergraduate lab', 'a regional hospital', 'a small start-up', 'the city water board', 'a summer school in Lisbon', 'a research group in Pune', 'the campus robotics club', 'a public library', 'an engineering consultancy', 'a field station near the coast']
const people = ['Professor Adeyemi', 'Dr. Lindqvist', 'my supervisor', 'a postdoctoral mentor', 'Professor Okafor', 'Dr. Tanaka', 'the lab manager', 'a senior engineer', 'Professor Ferreira', 'my co-author']
const results = ['reduced the error by 18 percent', 'halved the running time', 'found a bias nobody had reported', 'matched the published baseline', 'failed in an instructive way', 'produced a dataset of 4,000 samples', 'raised the response rate to 61 percent', 'revealed two distinct failure modes', 'cut the cost of each test by a third', 'turned into a conference poster']
const skills = ['Python', 'R', 'statistics', 'technical writing', 'experimental design', 'C++', 'field work', 'data cleaning', 'literature review', 'teaching', 'version control', 'project planning']
const programs = ['this programme', 'the graduate school', 'your department', 'the doctoral track', 'the research master', 'the group I hope to join']
const years = ['2019', '2020', '2021', '2022', '2023', '2024']
const adjectives = ['careful', 'small', 'messy', 'ambitious', 'long', 'patient', 'practical', 'unglamorous', 'collaborative', 'difficult']
const verbs = ['studied', 'built', 'measured', 'compared', 'tested', 'designed', 'analysed', 'replicated', 'documented', 'extended']

// Plain sentences: {x} slots are filled from the lists above.
const templates = [
  'In {year}, I joined {place} to work on {topic}.',
  'My first project used {method} to study {topic}, and it {result}.',
  'Working with {person}, I {verb} {method} for {topic} over two semesters.',
  'The work was {adjective}, but it taught me how to plan a study from the question backwards.',
  'I {verb} the data myself, which showed me how much of {field} happens before any model is fit.',
  'When the first attempt {result}, I rewrote the analysis and kept a log of every decision.',
  'Through this work I learned {skill} and {skill}, and I learned to ask for help early.',
  '{person} encouraged me to present the results at a student seminar.',
  'That seminar led to a short paper on {topic}, written with two classmates.',
  'I want to continue in {field} because questions about {topic} still lack good answers.',
  'At {place}, I spent most afternoons cleaning records before anyone could analyse them.',
  'The project {result}, which was less than I hoped and more than we expected.',
  'I chose {program} because its faculty work on {topic} with {method}.',
  'In particular, the work of {person} on {topic} is close to what I want to do next.',
  'My long-term goal is to lead a group that studies {topic} in the open.',
  'I also tutored first-year students in {skill}, which made me explain ideas plainly.',
  'A failed replication in {year} showed me that a method is only as good as its assumptions.',
  'Since then I have kept every script under version control and every dataset documented.',
  'The results were reviewed by {person} and by an external examiner.',
  'Several measurements were repeated after a calibration error was found.',
  'I have read the recent papers from {program} and would like to extend one of them.',
  'Outside the lab, I organised a reading group on {field} for two years.',
  'This experience convinced me that {field} needs people who can both code and do field work.',
  'I am applying now because I have a concrete question and the skills to start on it.',
  'For my thesis, I {verb} {method} and compared it with two simpler baselines.',
  'The simplest baseline was hard to beat, and working out why took a month.',
  'After graduating in {year}, I worked for a year at {place} as a research assistant.',
  'There I {verb} a pipeline for {topic} that the team still uses.',
  'I would bring {skill}, patience with messy data, and a habit of writing things down.',
  'Above all, I want to spend the next five years on {topic} with people who care about rigour.'
]

// Long sentences, for the sentence-length and readability rules.
const longTemplates = [
  'Over the course of the following year, while I was also taking a full load of courses and working part time at {place}, I {verb} {method} for {topic}, rewrote it twice after conversations with {person}, and eventually {result}, which in turn raised questions about {field} that I had not known how to ask when I started.',
  'Because the data came from three sources that had each been collected with different instruments, at different times of year, and by people with different ideas about what counted as a missing value, most of my time on {topic} went into reconciling records rather than into the analysis I had planned.'
]

// Flaws soplint catches; each is a whole sentence or an opener to prefix.
const stockOpeners = ['Since my childhood, ', 'Ever since I was a child, ', 'As we all know, ', 'From a very young age, ', 'In today\'s fast-paced world, ', 'Last but not least, ', 'In conclusion, ']
const stockSentences = [
  'I have always been passionate about {field}.',
  'I am a hard-working team player and a fast learner.',
  'I have a burning desire to change the world through {field}.',
  'It has always been my dream to study {field}.',
  'I want to give back to society through research on {topic}.',
  'Studying at {program} would be a dream come true.'
]
const slipSentences = [
  'We discussed about the results with {person} every week.',
  'I learned to cope up with long hours in the lab.',
  'The committee emphasised on the need for more data.',
  'I returned back to {place} the next summer.',
  'It was an unique chance to learn {skill}.',
  'She was a honest and demanding supervisor.',
  'I collected many informations about {topic}.',
  'The the first version of the model was too slow.',
  'Our group works on state of art methods for {topic}.',
  'I did many researches on {topic} during my final year.'
]
const boldSentences = ['**I am deeply passionate about {field}.**', 'My main result: the model **{result}**.', '**{topic}** is the question I want to answer.', 'I am **highly motivated** and **extremely dedicated**.']
const headings = ['## Background', '## Research experience', '## Why this programme', '## Goals']

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)]
}

function fill(rand, template) {
  const slots = {year: years, place: places, topic: topics, method: methods, result: results, person: people, verb: verbs, field: fields, skill: skills, program: programs, adjective: adjectives}
  return template.replace(/\{(\w+)\}/g, (_, slot) => pick(rand, slots[slot]))
}

/** Count words the way a reader would: runs of letters or digits, markup ignored. */
export function countWords(text) {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []).length
}

function sentence(rand) {
  const r = rand()
  if (r < 0.04) return fill(rand, pick(rand, boldSentences))
  if (r < 0.08) return fill(rand, pick(rand, stockSentences))
  if (r < 0.11) return fill(rand, pick(rand, slipSentences))
  if (r < 0.14) return fill(rand, pick(rand, longTemplates))
  const plain = fill(rand, pick(rand, templates))
  if (r < 0.17) return pick(rand, stockOpeners) + plain[0].toLowerCase() + plain.slice(1)
  return plain
}

/** One synthetic statement of at least `words` words and at most `cap` (Markdown; a heading now and then). */
export function statement(rand, words, cap = Infinity) {
  const blocks = []
  let count = 0
  let paragraphs = 0
  let full = false
  while (count < words && !full) {
    if (paragraphs > 0 && rand() < 0.2) blocks.push(pick(rand, headings))
    const sentences = []
    const length = 3 + Math.floor(rand() * 5)
    for (let i = 0; i < length && count < words; i++) {
      const s = sentence(rand)
      const n = countWords(s)
      if (count + n > cap) {
        full = true
        break
      }
      sentences.push(s)
      count += n
    }
    if (sentences.length === 0) break
    // Hard-wrapped now and then, as many people write Markdown.
    blocks.push(rand() < 0.3 ? sentences.join('\n') : sentences.join(' '))
    paragraphs++
  }
  return blocks.join('\n\n') + '\n'
}

/** `count` statements of 600 to 1,200 words each, the same for the same seed. */
export function corpus(count, seed = 7) {
  const rand = seeded(seed)
  const out = []
  for (let i = 0; i < count; i++) {
    const text = statement(rand, 600 + Math.floor(rand() * 551), 1200)
    out.push({name: `statement-${String(i + 1).padStart(4, '0')}.md`, text, words: countWords(text)})
  }
  return out
}

/** One long document of about `words` words, made of ordinary paragraphs (never one huge one). */
export function document(words, seed = 11) {
  return statement(seeded(seed), words)
}
