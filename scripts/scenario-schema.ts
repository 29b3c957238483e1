// Writes scenarios/scenario.schema.json from the scenario schema, so editors complete and check files.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../main/sim/scenario/json-schema.js';

writeFileSync(new URL('../scenarios/scenario.schema.json', import.meta.url), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote scenarios/scenario.schema.json');
