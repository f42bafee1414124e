/** What a caught failure says, for a message the user reads: thrown values need not be Errors. */
export function errorMessage(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
