// Types of bench/shapes.js, for the tests that import it.
/** A hostile shape of input: `make(n)` is n units of it. */
export interface Shape {
  id: string
  format: 'md' | 'tex'
  unit: string
  make(n: number): string
}
/** Every shape. */
export const shapes: Shape[]
/** A reproducible mix of the Markdown shapes, about n units long. */
export function mixed(n: number, seed?: number): string
/** A hostile Word document: `bytes(n)` is a .docx of n units of runs. */
export interface DocxShape {
  id: string
  format: 'docx'
  unit: string
  bytes(n: number): Promise<Uint8Array>
}
/** A .docx of n units of runs (about two runs per unit), in paragraphs of `perParagraph` units (one paragraph by default). */
export function docxRuns(n: number, perParagraph?: number): Promise<Uint8Array>
/** The Word shapes. */
export const docxShapes: DocxShape[]
