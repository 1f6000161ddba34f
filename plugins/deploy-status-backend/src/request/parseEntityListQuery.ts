import { z } from 'zod';
import { parseRequest } from './parseRequest';

/** At most this many entities per list request (the catalog-wide page used to ask in pages). */
export const MAX_ENTITIES_PER_REQUEST = 100;

const entityListQuery = z.object({
  entityRef: z.preprocess(
    value => {
      if (value === undefined) return [];
      return (Array.isArray(value) ? value : [value]).filter(v => v !== '');
    },
    z
      .array(z.string())
      .min(1, {
        message:
          'give at least one entityRef, e.g. ?entityRef=component:default/checkout-api',
      })
      .superRefine((refs, ctx) => {
        if (refs.length > MAX_ENTITIES_PER_REQUEST) {
          ctx.addIssue({
            code: 'custom',
            message: `at most ${MAX_ENTITIES_PER_REQUEST} entityRef per request, got ${refs.length}`,
          });
        }
      }),
  ),
});

/** `GET /entities?entityRef=…`: the refs as asked (each is parsed later, one error per bad ref). */
export function parseEntityListQuery(query: unknown): string[] {
  return parseRequest(entityListQuery, query, 'query').entityRef;
}

const entityPath = z.object({
  kind: z.string().min(1),
  namespace: z.string().min(1),
  name: z.string().min(1),
});

/** `GET /entities/:kind/:namespace/:name` */
export function parseEntityPath(params: unknown): z.output<typeof entityPath> {
  return parseRequest(entityPath, params, 'path');
}
