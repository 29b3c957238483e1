// The published JSON Schema of scenario files, derived from the one zod schema (never written by hand).
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  // "input": what a person writes (durations as "10m"), not what the loader makes of it.
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://sls-simulator.invalid/scenario.schema.json', title: 'SLS Simulator scenario' };
}
