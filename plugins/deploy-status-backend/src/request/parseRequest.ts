import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * A query parameter given once or repeated (`?owner=a&owner=b`) as a list; absent is empty.
 * Express hands a repeated parameter over as an array and a single one as a string.
 */
export function repeated<T extends z.ZodType>(item: T, max = 100) {
  return z.preprocess(value => {
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
  }, z.array(item).max(max, { message: `at most ${max} values` }));
}

/** An entity ref, completed with the kind and the default namespace, e.g. `group:default/checkout-team`. */
export function entityRefParam(defaultKind: string) {
  return z
    .string()
    .trim()
    .min(1, { message: 'empty' })
    .transform((value, ctx) => {
      try {
        return stringifyEntityRef(
          parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
        );
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: `not an entity ref: ${JSON.stringify(value)}`,
        });
        return z.NEVER;
      }
    });
}

/**
 * `value` read by `schema`, or an `InputError` (400) naming each parameter that is wrong, e.g.
 * `Invalid query parameter 'limit': Too big: expected number to be <=500`.
 */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: 'query' | 'path',
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  const problems = parsed.error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys
        .map(key => `Unknown ${where} parameter '${key}'`)
        .join('; ');
    }
    const name = issue.path.length > 0 ? String(issue.path[0]) : '';
    return `Invalid ${where} parameter '${name}': ${issue.message}`;
  });
  throw new InputError(problems.join('; '));
}
