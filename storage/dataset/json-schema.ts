import { z } from 'zod';
import { DatasetSchema } from './schema';

/** The JSON Schema that describes what staff may import (the input side: defaults optional). */
export function datasetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DatasetSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://eurefs.example/dataset.schema.json',
    title: 'Eurefs dataset',
  };
}
