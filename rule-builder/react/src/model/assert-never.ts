/** The default of an exhaustive switch: the compiler flags every case a new union member needs. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
