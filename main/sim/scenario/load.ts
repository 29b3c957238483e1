// Reads a scenario from YAML text, reporting every problem with its file, line and field.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { scenarioSchema, type Scenario } from './schema.js';

export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.field}: ${p.message}`;
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

export function parseScenario(text: string, file = 'scenario.yaml'): ScenarioResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file, ...at(e.pos[0]), field: '(syntax)', message: e.message.split('\n')[0]! })),
    };
  }
  const parsed = scenarioSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const data = doc.toJS() as unknown;
  const problems = parsed.error.issues.map((issue) => {
    const node = nodeAt(doc.contents as Node | null, issue.path);
    // A key absent from the file: zod calls it an invalid value; a person calls it missing.
    const message = issue.path.length > 0 && !pathExists(data, issue.path) ? 'missing required field' : issue.message;
    return { file, ...at(node?.range?.[0]), field: fieldName(issue.path), message };
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
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
