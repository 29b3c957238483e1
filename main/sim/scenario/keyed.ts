// List items named by their one key (`login:`, `wait:`, `approvePush:`), each checked by that kind's own schema.
import { z } from 'zod';
import { didYouMean } from './suggest.js';

/**
 * The plain union of a keyed item's forms, for the JSON Schema: editors complete and check the
 * forms, while the reader itself picks the form by the key and so can say what is wrong with it.
 */
const editorForms = new WeakMap<object, z.ZodType>();

/** Tells the reader to point at the key an issue names, not at its value (`aprovePush:` itself). */
const AT_KEY = { at: 'key' } as const;

export function editorFormOf(schema: object): z.ZodType | undefined {
  return editorForms.get(schema);
}

interface KeyedNames {
  /** What one item is called in messages: "step", "expectation", "timeline entry". */
  noun: string;
  /** The same, for the list of valid ones: "steps", "timeline entries". */
  plural: string;
  /** Keys every form shares, which do not name the kind (a timeline entry's `at` and `note`). */
  shared?: readonly string[];
  /** Other keys that name a form: `phone:` names the `set:` form (`phone: p, set: {...}`). */
  aliases?: Readonly<Record<string, string>>;
}

/** An item as its writer wrote it, on one line, for logs and reports (`within: 1m`, not 60000). */
function written(value: unknown, depth = 0): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value : String(value);
  if (depth > 3) return '…';
  if (Array.isArray(value)) return `[${value.map((v) => written(v, depth + 1)).join(', ')}]`;
  const parts = Object.entries(value).map(([k, v]) => `${k}: ${written(v, depth + 1)}`);
  const text = depth === 0 ? parts.join(', ') : parts.length ? `{ ${parts.join(', ')} }` : '{}';
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * One list item whose kind is the key it has, e.g. `{ approvePush: { method: faceid } }`. A zod union
 * would try every form and, when none fits, say only "Invalid input"; this picks the form by its key
 * and reports that form's own problems at their own fields, or an unknown key with the valid ones.
 */
export function keyed<const F extends Record<string, z.ZodType<object>>>(forms: F, names: KeyedNames) {
  type In = z.input<F[keyof F]>;
  type Out = z.output<F[keyof F]> & { written: string };
  const kinds = Object.keys(forms);
  const shared = new Set(names.shared ?? []);
  const aliases = names.aliases ?? {};
  const formOf = (key: string): string | undefined => (Object.hasOwn(forms, key) ? key : Object.hasOwn(aliases, key) ? aliases[key] : undefined);
  const list = `${names.plural}: ${kinds.join(', ')}`;

  const schema = z.custom<In>().transform((input: unknown, ctx): Out => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: `a ${names.noun} is a map with one of these keys (${list})` });
      return z.NEVER;
    }
    const keys = Object.keys(input);
    const named = [...new Set(keys.map(formOf).filter((k): k is string => k !== undefined))];
    if (named.length === 0) {
      const stray = keys.find((k) => !shared.has(k));
      if (stray === undefined) ctx.addIssue({ code: 'custom', message: `this ${names.noun} says what to do by one of these keys (${list})` });
      else ctx.addIssue({ code: 'custom', path: [stray], params: AT_KEY, message: `unknown ${names.noun} "${stray}"${didYouMean(stray, kinds)} (${list})` });
      return z.NEVER;
    }
    if (named.length > 1) {
      ctx.addIssue({ code: 'custom', path: [named[1]!], params: AT_KEY, message: `a ${names.noun} does one thing; this one has ${named.map((k) => `"${k}"`).join(' and ')} (make them two)` });
      return z.NEVER;
    }
    const parsed = forms[named[0]!]!.safeParse(input);
    if (!parsed.success) {
      // The form's issues, with their paths inside this item; the lists above prefix the item's own.
      ctx.issues.push(...(parsed.error.issues as z.core.$ZodRawIssue[]));
      return z.NEVER;
    }
    return { ...(parsed.data as z.output<F[keyof F]>), written: written(input) };
  });
  editorForms.set(schema.in, z.union(Object.values(forms) as [z.ZodType, ...z.ZodType[]]));
  return schema;
}

/**
 * A strict object whose unknown fields are named with the valid ones, and a guess when one is close
 * (`doNotDistrub` → `doNotDisturb`); zod's own message names the key only.
 */
export function strict<const S extends z.core.$ZodLooseShape>(shape: S) {
  const fields = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const [first] = issue.keys;
      const guess = first === undefined ? '' : didYouMean(first, fields);
      if (issue.keys.length === 1 && guess) return `unknown field "${first}"${guess}`;
      if (issue.keys.length === 1) return `unknown field "${first}" (fields: ${fields.join(', ') || 'none'})`;
      return `unknown fields ${issue.keys.map((k) => `"${k}"`).join(', ')} (fields: ${fields.join(', ') || 'none'})`;
    },
  });
}
