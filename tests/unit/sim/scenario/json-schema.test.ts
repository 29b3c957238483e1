// The published JSON Schema teaches: every field, list item and object form says what it does, with examples and defaults as people write them.
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../../main/sim/scenario/json-schema.js';
import { DURATION_PATTERN, parseDuration } from '../../../../main/sim/scenario/durations.js';
import { scenarioSchema } from '../../../../main/sim/scenario/schema.js';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const isObjectSchema = (node: Node) => node.type === 'object' || isNode(node.properties);

/**
 * The paths (`properties.users.items.properties.devices.items.anyOf[1]`) of every property, every
 * array's items and every union member that is an object, which has no non-empty `description`.
 */
function undescribed(schema: unknown): string[] {
  const missing: string[] = [];
  const need = (node: unknown, path: string) => {
    if (!isNode(node) || typeof node.description !== 'string' || node.description.trim() === '') missing.push(path);
  };
  const visit = (node: unknown, path: string): void => {
    if (!isNode(node)) return;
    if (isNode(node.properties)) {
      for (const [key, value] of Object.entries(node.properties)) {
        need(value, `${path}.properties.${key}`);
        visit(value, `${path}.properties.${key}`);
      }
    }
    if (isNode(node.items)) {
      need(node.items, `${path}.items`);
      visit(node.items, `${path}.items`);
    }
    if (isNode(node.additionalProperties)) visit(node.additionalProperties, `${path}.additionalProperties`);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const members = node[key];
      if (!Array.isArray(members)) continue;
      members.forEach((member, i) => {
        if (isNode(member) && isObjectSchema(member)) need(member, `${path}.${key}[${i}]`);
        visit(member, `${path}.${key}[${i}]`);
      });
    }
    for (const key of ['$defs', 'definitions'] as const) {
      if (isNode(node[key])) for (const [name, def] of Object.entries(node[key])) visit(def, `${path}.${key}.${name}`);
    }
  };
  visit(schema, '#');
  return missing;
}

/** Every node of the schema with its path, for checks that look at each one. */
function* nodes(node: unknown, path = '#'): Generator<[string, Node]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* nodes(item, `${path}[${i}]`);
    return;
  }
  if (!isNode(node)) return;
  yield [path, node];
  for (const [key, value] of Object.entries(node)) if (key !== 'default' && key !== 'examples') yield* nodes(value, `${path}.${key}`);
}

describe('scenario JSON Schema descriptions', () => {
  const schema = scenarioJsonSchema();

  it('describes every field, list item and object form, nested ones included', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('names what it finds undescribed: a property, an array item, an object member of a union', () => {
    const sample = {
      type: 'object',
      properties: {
        fine: { type: 'string', description: 'has one' },
        bare: { type: 'string' },
        list: { type: 'array', description: 'a list', items: { type: 'object', properties: { deep: { type: 'number', description: '  ' } } } },
        either: { description: 'a union', anyOf: [{ type: 'object', properties: {} }, { type: 'string' }] },
      },
    };
    expect(undescribed(sample)).toEqual(['#.properties.bare', '#.properties.list.items', '#.properties.list.items.properties.deep', '#.properties.either.anyOf[0]']);
  });

  it('does not restate field names: no description is just its own key', () => {
    const restated: string[] = [];
    for (const [path, node] of nodes(schema)) {
      if (!isNode(node.properties)) continue;
      for (const [key, value] of Object.entries(node.properties)) {
        const text = isNode(value) && typeof value.description === 'string' ? value.description : '';
        if (text.replace(/[^a-z]/gi, '').toLowerCase() === key.toLowerCase() || text.length < 12) restated.push(`${path}.properties.${key}: ${text}`);
      }
    }
    expect(restated).toEqual([]);
  });

  it('gives durations their defaults and examples as written (10m, 1m30s), each one a valid duration', () => {
    const durations = [...nodes(schema)].filter(([, node]) => Array.isArray(node.anyOf) && node.anyOf.some((m) => isNode(m) && m.pattern === DURATION_PATTERN));
    expect(durations.length).toBeGreaterThan(10);
    const written = durations.flatMap(([path, node]) => [...(Array.isArray(node.examples) ? node.examples : []), ...('default' in node ? [node.default] : [])].map((value) => [path, value] as const));
    expect(written.length).toBeGreaterThan(10);
    for (const [path, value] of written) expect(typeof value === 'number' || parseDuration(String(value)) !== null, `${path}: ${String(value)}`).toBe(true);
    const codeLifetime = (schema as { properties: { timing: { properties: Record<string, Node> } } }).properties.timing.properties.codeLifetime!;
    expect(codeLifetime.default).toBe('10m');
  });

  it("has defaults the loader takes as they stand: a file written with the schema's defaults loads as one that leaves them out", () => {
    const minimal = { name: 'defaults', title: 'Defaults', seed: 1, users: [{ username: 'smsuser', password: 'demo', region: 'US' }] };
    const timing = (schema as { properties: { timing: { properties: Record<string, Node> } } }).properties.timing.properties;
    const written = Object.fromEntries(Object.entries(timing).filter(([, node]) => 'default' in node).map(([key, node]) => [key, node.default]));
    expect(Object.keys(written)).toContain('pushWindow');
    expect(scenarioSchema.parse({ ...minimal, timing: written })).toEqual(scenarioSchema.parse(minimal));
  });
});
