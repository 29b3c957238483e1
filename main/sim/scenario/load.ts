// Reads a scenario from YAML text, reporting every problem with its file, line and field; never throws for a bad file.
import { LineCounter, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.js';
import { checkReferences } from './references.js';
import { didYouMean } from './suggest.js';
import { LIST_LIMITS, MAX_DEVICES_PER_USER } from './limits.js';
import { prescan } from './prescan.js';
import { formatProblem, type ProblemAt, type ScenarioProblem } from './problems.js';
import { readYaml } from './yaml-read.js';

export { formatProblem, type ScenarioProblem } from './problems.js';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

/**
 * Finds the YAML node at a path, or the deepest ancestor that exists (for "missing field"). With
 * `key`, the last step's key rather than its value: an unknown field is pointed at by its name.
 */
function nodeAt(root: Node | null, path: readonly PropertyKey[], key = false): Node | null {
  let node: Node | null = root;
  for (const [i, step] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return node;
      node = key && i === path.length - 1 ? (pair.key as Node) : ((pair.value as Node | null) ?? (pair.key as Node));
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as Node | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

/**
 * Every failure is a problem list, never an exception: a host must be able to refuse a file (or fall
 * back to another) whatever is in it. The cheap checks come first, each bounding the next one's work.
 */
export function parseScenario(text: string, file = 'scenario.yaml'): ScenarioResult {
  const inFile = (problems: readonly ProblemAt[]): ScenarioResult => ({ ok: false, problems: problems.map((p) => ({ file, ...p })) });
  try {
    const tooLarge = prescan(text);
    if (tooLarge) return inFile([tooLarge]);
    const lineCounter = new LineCounter();
    const at = (offset: number | undefined) => {
      const pos = lineCounter.linePos(offset ?? 0);
      return { line: pos.line, column: pos.col };
    };
    const read = readYaml(text, lineCounter, at);
    if (!read.ok) return inFile(read.problems);
    const root = read.doc.contents as Node | null;
    const data = read.value;
    const tooLong = listLengthProblems(data, root, at);
    if (tooLong.length) return inFile(tooLong);

    if (data === null || data === undefined) {
      return inFile([{ line: 1, column: 1, field: '(file)', message: 'the file is empty; a scenario needs at least name, title, seed and users' }]);
    }
    if (typeof data !== 'object' || Array.isArray(data)) {
      const what = Array.isArray(data) ? 'a list' : `a single value (${JSON.stringify(data).slice(0, 40)})`;
      return inFile([{ ...at(root?.range?.[0]), field: '(file)', message: `a scenario file is a map of fields (name:, title:, seed:, users:, ...), not ${what}` }]);
    }

    // One pass: the schema's problems and the cross-references together, each at its own line.
    const parsed = scenarioSchema.safeParse(data);
    const references = checkReferences(data);
    if (parsed.success && references.length === 0) return { ok: true, scenario: parsed.data };
    const found = [
      ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => explain(issue, data))),
      ...references.map((r) => ({ path: r.path, message: r.message, atKey: false })),
    ];
    const seen = new Set<string>();
    const problems: ScenarioProblem[] = [];
    for (const { path, message, atKey } of found) {
      const field = fieldName(path);
      if (seen.has(`${field}\n${message}`)) continue;
      seen.add(`${field}\n${message}`);
      problems.push({ file, ...at(nodeAt(root, path, atKey)?.range?.[0]), field, message });
    }
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, problems };
  } catch (error) {
    // Not expected after the checks above; still a problem with the file rather than a crash of the host.
    const message = error instanceof Error ? error.message : String(error);
    return inFile([{ line: 1, column: 1, field: '(file)', message: `the file could not be read: ${message.split('\n')[0]}` }]);
  }
}

const LIST_WORDS: Record<keyof typeof LIST_LIMITS, string> = {
  users: 'users',
  phones: 'phones',
  timeline: 'timeline entries',
  script: 'script steps',
  expect: 'expectations',
};

/** The lists' lengths, before the schema would validate (and report on) every item of a list far too long. */
function listLengthProblems(data: unknown, root: Node | null, at: (offset: number | undefined) => { line: number; column: number }): ProblemAt[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  const problems: ProblemAt[] = [];
  const check = (path: (string | number)[], list: unknown, max: number, what: string) => {
    if (!Array.isArray(list) || list.length <= max) return;
    problems.push({ ...at(nodeAt(root, [...path, max])?.range?.[0]), field: fieldName(path), message: `${list.length} ${what}; a scenario may have at most ${max}` });
  };
  for (const [key, max] of Object.entries(LIST_LIMITS)) check([key], record[key], max, LIST_WORDS[key as keyof typeof LIST_LIMITS]);
  const users = record.users;
  if (Array.isArray(users) && problems.length === 0) {
    users.forEach((user: unknown, u) => {
      if (user !== null && typeof user === 'object') check(['users', u, 'devices'], (user as Record<string, unknown>).devices, MAX_DEVICES_PER_USER, 'devices');
    });
  }
  return problems;
}

interface Explained {
  path: PropertyKey[];
  message: string;
  /** Whether the problem is the key itself (an unknown field), not its value. */
  atKey: boolean;
}

const shown = (value: unknown) => (typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : JSON.stringify(value) ?? String(value));

/**
 * A zod issue in words a person fixes a file by: the field that is missing, the valid values and a
 * guess for a misspelt one, `true or false` for a boolean written `yes`.
 */
function explain(issue: z.core.$ZodIssue, data: unknown): Explained[] {
  const path = [...issue.path];
  const atKey = (issue.code === 'custom' && issue.params?.at === 'key') || false;
  // A key absent from the file: zod calls it an invalid value; a person calls it missing.
  if (path.length > 0 && !pathExists(data, path)) return [{ path, message: 'missing required field', atKey }];
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_value':
    case 'invalid_union': {
      const values = issue.code === 'invalid_value' ? issue.values : 'options' in issue ? (issue.options as unknown[] | undefined) : undefined;
      if (!values?.length) break;
      const valid = values.map(String);
      const guess = typeof value === 'string' ? didYouMean(value, valid) : '';
      return [{ path, message: `unknown value ${shown(value)}${guess} (valid: ${valid.join(', ')})`, atKey }];
    }
    case 'invalid_type':
      if (issue.expected === 'boolean') return [{ path, message: `expected true or false, not ${shown(value)}`, atKey }];
      break;
    case 'unrecognized_keys':
      // Each unknown key at its own name, so that an editor's jump lands on it.
      if (issue.keys.length === 1) return [{ path: [...path, issue.keys[0]!], message: issue.message, atKey: true }];
      break;
    default:
      break;
  }
  return [{ path, message: issue.message, atKey }];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(key)];
  }
  return current;
}

function pathExists(value: unknown, path: readonly PropertyKey[]): boolean {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(String(key) in (current as object))) return false;
    current = (current as Record<string, unknown>)[String(key)];
  }
  return true;
}

export function loadScenario(text: string, file?: string): Scenario {
  const result = parseScenario(text, file);
  if (!result.ok) throw new ScenarioError(result.problems);
  return result.scenario;
}
