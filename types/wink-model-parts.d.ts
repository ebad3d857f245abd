// The parts of wink's English model that rules/data/tagger.ts puts together itself, as the
// package's dist/model.js does; wink-nlp reads them, so their shapes are its concern.
declare module 'wink-eng-lite-web-model/dist/*.js' {
  const part: unknown
  export default part
}
