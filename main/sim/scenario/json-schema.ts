// The published JSON Schema of scenario files, derived from the one zod schema (never written by hand).
import { z } from 'zod';
import { editorFormOf } from './keyed.js';
import { scenarioSchema } from './schema.js';

const options = { io: 'input', unrepresentable: 'any' } as const;

export function scenarioJsonSchema(): Record<string, unknown> {
  // "input": what a person writes (durations as "10m"), not what the loader makes of it.
  const schema = z.toJSONSchema(scenarioSchema, {
    ...options,
    // A keyed list item (a script step, ...) is read by its key; editors are given the union of its forms.
    override: ({ zodSchema, jsonSchema }) => {
      // zod drops a transformed field's examples from the input form, taking them for output values;
      // this schema's examples are all written as a person writes them (`1m30s`, not 90000), so they stay.
      const { examples } = z.globalRegistry.get(zodSchema) ?? {};
      if (Array.isArray(examples) && jsonSchema.examples === undefined) jsonSchema.examples = examples;
      const forms = editorFormOf(zodSchema);
      if (!forms) return;
      const { $schema: _drop, ...union } = z.toJSONSchema(forms, options) as Record<string, unknown>;
      Object.assign(jsonSchema, union);
    },
  }) as Record<string, unknown>;
  return { ...schema, $id: 'https://sls-simulator.invalid/scenario.schema.json', title: 'SLS Simulator scenario' };
}
