// The end of an exhaustive switch: a value the types say cannot exist. Dependency-free, so both sides may use it.

/** Fails to compile when a case is missing (the value is not `never`), and throws if one slips through at run time. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
