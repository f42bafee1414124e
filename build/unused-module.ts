// Stands in for a library module Tally never uses (see no-code-from-strings.ts), so it is not bundled.
export default function unused(): never {
  throw new Error('This feature is not part of Tally.');
}
