// What a scenario file's reader reports: each problem with its file, line, column and field.

export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

export type ProblemAt = Omit<ScenarioProblem, 'file'>;

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.field}: ${p.message}`;
}
