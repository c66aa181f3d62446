// The editor keeps its state immutable; copying JSON values keeps a compiled definition from
// sharing objects with the canvas it came from.
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
