// Stop-gap: src/core/formats/docx.ts casts its bytes to Node's `Buffer` type for mammoth. The page
// is type-checked without Node's types (nothing in it may reach Node), so the name is given here;
// delete this file once the core's Word reader no longer names Buffer.
type Buffer = Uint8Array
