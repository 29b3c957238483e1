// The first look at a scenario file's text, before YAML reads it: size, lines and punctuation, in one cheap pass.
import { MAX_SCENARIO_CHARS } from '../../api/vocabulary.js';
import { MAX_SCENARIO_LINES, MAX_SCENARIO_MARKS } from './limits.js';
import type { ProblemAt } from './problems.js';

/** Character codes of the punctuation YAML may read as structure (see MAX_SCENARIO_MARKS). */
const MARKS = new Uint8Array(128);
for (const c of ':-,?[]{}&*!|>\'"%@`') MARKS[c.charCodeAt(0)] = 1;

const LF = 10;
const number = (n: number) => n.toLocaleString('en-US');

/** A problem if the text is too large for the YAML reader to get through quickly, else null. */
export function prescan(text: string): ProblemAt | null {
  if (text.length > MAX_SCENARIO_CHARS) {
    return {
      line: 1,
      column: 1,
      field: '(file)',
      message: `the file has ${number(text.length)} characters; a scenario file may have at most ${number(MAX_SCENARIO_CHARS)}`,
    };
  }
  let line = 1;
  let lineStart = 0;
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      line++;
      lineStart = i + 1;
      if (line > MAX_SCENARIO_LINES) {
        return { line, column: 1, field: '(file)', message: `a scenario file may have at most ${number(MAX_SCENARIO_LINES)} lines` };
      }
    } else if (c < 128 && MARKS[c] === 1 && ++marks > MAX_SCENARIO_MARKS) {
      return {
        line,
        column: i - lineStart + 1,
        field: '(file)',
        message: `a scenario file may have at most ${number(MAX_SCENARIO_MARKS)} punctuation marks (: - , [ ] { } and the like); this one has more`,
      };
    }
  }
  return null;
}
