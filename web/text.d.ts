/** Markdown bundled as text (the page's example statement). */
declare module '*.md' {
  const text: string
  export default text
}
