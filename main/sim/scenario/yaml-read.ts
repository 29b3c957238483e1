// Reads a scenario file's YAML defensively: the syntax tree is checked (depth, aliases, tags) before any value is built.
import { Composer, Lexer, Parser, isAlias, isMap, isScalar, isSeq, type CST, type Document, type LineCounter, type Node, type ParsedNode } from 'yaml';
import { MAX_ALIAS_EXPANSION, MAX_SCALAR_CHARS, MAX_SCENARIO_ALIASES, MAX_SCENARIO_DEPTH } from './limits.js';
import type { ProblemAt } from './problems.js';

export type YamlRead = { ok: true; doc: Document.Parsed; value: unknown } | { ok: false; problems: ProblemAt[] };

type Locate = (offset: number | undefined) => { line: number; column: number };

const syntax = (at: Locate, offset: number | undefined, message: string): ProblemAt => ({ ...at(offset), field: '(syntax)', message });

/**
 * Parses text that has passed the prescan (so its token count is bounded). Never throws for any input:
 * the YAML library's composer recurses per level, so the depth is measured first on the syntax tree,
 * which its parser builds without recursion.
 */
export function readYaml(text: string, lineCounter: LineCounter, at: Locate): YamlRead {
  const parsed = parseTokens(text, lineCounter, at);
  if (!parsed.ok) return parsed;
  const { tokens } = parsed;
  const treeProblem = checkSyntaxTree(tokens, at);
  if (treeProblem) return { ok: false, problems: [treeProblem] };

  // merge: false — "<<" is an ordinary key (and refused below); unique keys are checked below in linear
  // time (the library compares every pair of keys, which a map of thousands of keys turns into seconds).
  const composer = new Composer({ merge: false, uniqueKeys: false, strict: true, prettyErrors: false });
  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0]!;
  if (docs.length > 1) return { ok: false, problems: [syntax(at, docs[1]!.range[0], 'a scenario file holds one YAML document; a second one starts here')] };
  const reported = [...doc.errors, ...doc.warnings];
  if (reported.length) return { ok: false, problems: reported.map((e) => syntax(at, e.pos[0], e.message.split('\n')[0]!)) };

  const problems: ProblemAt[] = [];
  checkNodes(doc.contents, at, problems);
  if (problems.length) return { ok: false, problems };
  try {
    return { ok: true, doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) };
  } catch (error) {
    // Only aliases make toJS throw here: "Excessive alias count indicates a resource exhaustion attack".
    const firstAlias = findAlias(doc.contents);
    return { ok: false, problems: [syntax(at, firstAlias?.range?.[0], `the aliases expand to too much (${(error as Error).message})`)] };
  }
}

/**
 * The parser's syntax tree, as Parser.parse builds it, but lexeme by lexeme so that a file nesting far
 * too deep is stopped early: the parser's work per token grows with the depth of its stack (4,000
 * keys joined by lone carriage returns nest 4,000 deep and take it a tenth of a second). The exact
 * depth is measured afterwards; this guard, at twice the limit, only bounds the cost.
 */
function parseTokens(text: string, lineCounter: LineCounter, at: Locate): { ok: true; tokens: CST.Token[] } | { ok: false; problems: ProblemAt[] } {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > 2 * MAX_SCENARIO_DEPTH + 4) {
      // Named where the exact check would name it: the first collection past the limit.
      const collections = parser.stack.filter((t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection');
      const first = collections[MAX_SCENARIO_DEPTH] ?? parser.stack.at(-1)!;
      return { ok: false, problems: [syntax(at, collectionOffset(first), `nested more than ${MAX_SCENARIO_DEPTH} levels deep`)] };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return { ok: true, tokens };
}

/** Where a collection starts: a flow collection at its bracket. */
const collectionOffset = (token: CST.Token) => (token.type === 'flow-collection' ? token.start.offset : token.offset);

/** Depth, alias count, tags and long values, from the parser's tokens, walked with a stack of our own. */
function checkSyntaxTree(tokens: readonly CST.Token[], at: Locate): ProblemAt | null {
  // Pushed last-first, so the first problem found is the first in the file.
  const pending: { token: CST.Token | null | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  let aliases = 0;
  const props = (list: readonly CST.Token[] | undefined): ProblemAt | null => {
    const tag = list?.find((t) => t.type === 'tag');
    return tag
      ? syntax(at, tag.offset, `tags such as ${(tag as CST.SourceToken).source} are not used in scenario files (put a value that starts with ! in quotes)`)
      : null;
  };
  const tooLong = (offset: number) => syntax(at, offset, `a value may have at most ${MAX_SCALAR_CHARS.toLocaleString('en-US')} characters`);
  while (pending.length) {
    const { token, depth } = pending.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document': {
        const problem = props(token.start);
        if (problem) return problem;
        pending.push({ token: token.value, depth });
        break;
      }
      case 'block-scalar': {
        const problem = props(token.props);
        if (problem) return problem;
        if (token.source.length > MAX_SCALAR_CHARS) return tooLong(token.offset);
        break;
      }
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        // Before the composer resolves escapes and folding, which costs more per character than parsing.
        if (token.source.length > MAX_SCALAR_CHARS) return tooLong(token.offset);
        break;
      case 'alias':
        if (++aliases > MAX_SCENARIO_ALIASES) return syntax(at, token.offset, `a scenario file may have at most ${MAX_SCENARIO_ALIASES} aliases (*name)`);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > MAX_SCENARIO_DEPTH) {
          return syntax(at, collectionOffset(token), `nested more than ${MAX_SCENARIO_DEPTH} levels deep`);
        }
        for (const item of token.items) {
          const problem = props(item.start) ?? props(item.sep);
          if (problem) return problem;
        }
        for (let i = token.items.length - 1; i >= 0; i--) {
          const item = token.items[i]!;
          pending.push({ token: item.value, depth: depth + 1 }, { token: item.key, depth: depth + 1 });
        }
        break;
      }
      default:
        break;
    }
  }
  return null;
}

/**
 * What the schema would not say clearly, or the library would do slowly: keys that are not plain
 * words, duplicate keys, merge keys, and aliases whose anchor is missing or encloses them.
 */
function checkNodes(root: ParsedNode | null, at: Locate, problems: ProblemAt[]): void {
  const defined = new Set<string>();
  const open: string[] = [];
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      if (open.includes(node.source)) problems.push(syntax(at, node.range?.[0], `the alias *${node.source} is inside its own anchor`));
      else if (!defined.has(node.source)) problems.push(syntax(at, node.range?.[0], `unknown alias *${node.source} (an anchor &${node.source} must come before it)`));
      return;
    }
    const anchor = (node as Node | null)?.anchor;
    if (anchor) open.push(anchor);
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key !== null && !isScalar(key)) {
          problems.push(syntax(at, key.range?.[0], 'keys must be plain words, not lists, maps or aliases'));
          continue;
        }
        const name = key === null ? '' : String(key.value);
        if (name === '<<' && key?.type === 'PLAIN') problems.push(syntax(at, key.range?.[0], 'merge keys (<<) are not supported; write the fields out'));
        else if (keys.has(name)) problems.push(syntax(at, key?.range?.[0], `the key "${name}" appears twice in this map`));
        keys.add(name);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
    if (anchor) {
      open.pop();
      defined.add(anchor);
    }
  };
  walk(root);
}

function findAlias(root: unknown): Node | null {
  if (isAlias(root)) return root;
  if (isMap(root)) {
    for (const pair of root.items) {
      const found = findAlias(pair.value);
      if (found) return found;
    }
  } else if (isSeq(root)) {
    for (const item of root.items) {
      const found = findAlias(item);
      if (found) return found;
    }
  }
  return null;
}
