/** Marks the default branch of an exhaustive switch: adding a union member breaks the build here. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
