// OpenAPI entries of the experiment result downloads: plain route handlers (they stream files),
// so the generator, which reads tRPC procedures, cannot see them.
import type { generateOpenApiDocument } from 'trpc-to-openapi';

type Paths = NonNullable<ReturnType<typeof generateOpenApiDocument>['paths']>;

function download(format: 'CSV' | 'JSON', mediaType: string, summary: string, description: string): Paths[string] {
  return {
    get: {
      operationId: `experimentResults-download${format}`,
      summary,
      description,
      tags: ['simulation'],
      security: [{ bearerAuth: [] }],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: {
        '200': { description: `The results as ${format}, streamed`, content: { [mediaType]: { schema: { type: 'string' } } } },
        '401': { description: 'Authorization not provided' },
        '404': { description: 'No such experiment (or not yours)' },
      },
    },
  };
}

export const EXPERIMENT_RESULT_PATHS: Paths = {
  '/experiments/{id}/results.csv': download(
    'CSV',
    'text/csv',
    'Results of an experiment as tidy CSV: one row per run and recorded tick (BehaviorSpace table layout)',
    'Columns: [run number], condition, repetition, seed, the design’s parameters, [step], then one column per recorded metric. Designs that record final values only give one row per run, at its last tick. Only completed runs have rows.',
  ),
  '/experiments/{id}/results.json': download(
    'JSON',
    'application/json',
    'Results of an experiment as JSON: the design and every run with its summary and per-tick series',
    'An object with the experiment (id, name, status, modelVersion, rootSeed, design, metrics) and `runs`: run number, condition, repetition, seed, parameters, status, summary and series ({ ticks, metrics: { <id>: values by tick } }).',
  ),
};
