/** Writes seeds/dataset.schema.json from the one zod schema, so staff have a JSON Schema to read. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { datasetJsonSchema } from '../storage/dataset/json-schema';

const target = fileURLToPath(new URL('../seeds/dataset.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
