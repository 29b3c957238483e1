// The limits a scenario file must keep, in one place: each one keeps a hostile file from holding up the host.
//
// The YAML library does a few microseconds of work per token and recurses once per level of nesting,
// so what bounds the time of a refusal is checked before it runs: the size, the lines and the
// punctuation are counted by a single pass over the text; the nesting depth, aliases, tags and long
// values on the syntax tree before any value is built; the list lengths before the schema runs.
// README.md ("Limits of a scenario file") lists them for people who write scenario files.

// The size in characters, which the API and the windows check too, is MAX_SCENARIO_CHARS in main/api/vocabulary.ts.
/** Lines, counting comments and blank lines (the YAML reader spends time on each). */
export const MAX_SCENARIO_LINES = 10_000;
/**
 * Punctuation YAML may read as structure — : - , ? [ ] { } & * ! | > ' " % @ ` — counted wherever it
 * stands, even inside text. Every YAML token needs one of these or a new line beside it (a comment
 * runs to the end of its line, so # is not counted), so together with the line limit this bounds the
 * reader's work without having to understand the file first.
 */
export const MAX_SCENARIO_MARKS = 5_000;
/** Collections inside collections (the library's deepest is 5: users → a user → devices → a device). */
export const MAX_SCENARIO_DEPTH = 20;
/** One value (a quoted, plain or block text); the longest field, a description, takes 4,000. */
export const MAX_SCALAR_CHARS = 10_000;
/** Aliases (*name); scenario files need none, a few are allowed for shared blocks. */
export const MAX_SCENARIO_ALIASES = 50;
/** What aliases may expand to (the YAML library's maxAliasCount), against "billion laughs". */
export const MAX_ALIAS_EXPANSION = 100;

/** The longest duration (a timeline moment, a code lifetime, a lockout): far beyond any rehearsal, within what dates can show. */
export const MAX_DURATION_MS = 366 * 86_400_000;

/** Lengths of the scenario's lists, checked before the schema validates them item by item. */
export const MAX_USERS = 100;
export const MAX_PHONES = 100;
export const MAX_DEVICES_PER_USER = 20;
export const MAX_TIMELINE_ENTRIES = 500;
export const MAX_SCRIPT_STEPS = 500;
export const MAX_EXPECTATIONS = 500;

/** The list limits by where they apply, for the loader's count check and the schema. */
export const LIST_LIMITS = {
  users: MAX_USERS,
  phones: MAX_PHONES,
  timeline: MAX_TIMELINE_ENTRIES,
  script: MAX_SCRIPT_STEPS,
  expect: MAX_EXPECTATIONS,
} as const;
