// Reads a scenario from YAML text, reporting every problem with its file, line and field; never throws for a bad file.
import { LineCounter, isMap, isSeq, isScalar, type Node } from 'yaml';
import { scenarioSchema, type Scenario } from './schema.js';
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

/** Finds the YAML node at a path, or the deepest ancestor that exists (for "missing field"). */
function nodeAt(root: Node | null, path: readonly PropertyKey[]): Node | null {
  let node: Node | null = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
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

    const parsed = scenarioSchema.safeParse(data);
    if (parsed.success) return { ok: true, scenario: parsed.data };
    const problems = parsed.error.issues.map((issue) => {
      const node = nodeAt(root, issue.path);
      // A key absent from the file: zod calls it an invalid value; a person calls it missing.
      const message = issue.path.length > 0 && !pathExists(data, issue.path) ? 'missing required field' : issue.message;
      return { file, ...at(node?.range?.[0]), field: fieldName(issue.path), message };
    });
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
