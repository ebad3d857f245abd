// Phrase lists and other data are YAML; the build and the test runner load them as objects.
declare module '*.yml' {
  const data: any
  export default data
}
