import {defineRule} from '../src/core/rule.ts'

/** Sentences over a word limit. */
export default defineRule<{max: number; hardMax: number}>({
  meta: {
    id: 'sentence-length',
    description: 'Sentences longer than a limit (40 words by default)',
    rationale:
      'Readers of statements skim; a sentence over about 40 words usually packs two ideas and loses the reader before its point. Plain-language guidance (for example the UK Government Digital Service) puts the comfortable limit near 25 words. Good writers do use the odd long sentence, so one between `max` and `hardMax` words is an info finding, and only one over `hardMax` gets the rule\'s level; set both to the same number to hold every sentence to one limit.',
    defaultLevel: 'warn',
    fix: 'none',
    type: 'suggestion',
    options: {
      max: {type: 'number', default: 40, description: 'Most words a sentence may have'},
      hardMax: {type: 'number', default: 60, description: "Sentences longer than this get the rule's level; shorter ones over max are info"}
    },
    example: {
      before: 'During my third year I joined a lab where I worked on retinal image classification and later on dental X-ray segmentation, and where I read and implemented many papers to understand the architectures and modified them with attention layers and different backbones for better results.',
      after: 'In my third year I joined a lab working on medical imaging. I built a dental X-ray segmentation model that cut the error of our U-Net baseline by a third.'
    }
  },
  check({doc, options, report}) {
    for (const sentence of doc.sentences) {
      if (sentence.block.kind !== 'paragraph') continue
      const count = sentence.words.length
      if (count <= options.max) continue
      report({
        start: sentence.start,
        end: sentence.end,
        level: count > Math.max(options.hardMax, options.max) ? undefined : 'info',
        message: `This sentence has ${count} words, over the limit of ${options.max}; split it where its ideas change`
      })
    }
  }
})
