/** An error in the user's input or configuration: printed as one line, exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** True for errors that should be shown to the user as a plain line. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === 'InputError'
}
