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
