import { PLATFORM_API_VERSION } from '../apiVersion';

/** A non-empty entity reference string. */
export const entityRefSchema = { type: 'string', minLength: 1 } as const;
/** A list of entity references. */
export const entityRefsSchema = {
  type: 'array',
  items: entityRefSchema,
} as const;

/**
 * The JSON Schema of one of the portal's kinds: Backstage's Entity envelope, our apiVersion, the
 * kind name, and a `spec` in which unknown fields are errors (and which matches one of `anyOf`,
 * when given).
 */
export function platformKindSchema(options: {
  kind: string;
  description: string;
  required: readonly string[];
  properties: Record<string, unknown>;
  anyOf?: readonly object[];
}) {
  return {
    $schema: 'http://json-schema.org/draft-07/schema',
    $id: `${options.kind}V1alpha1`,
    description: options.description,
    allOf: [
      { $ref: 'Entity' },
      {
        type: 'object',
        required: ['spec'],
        properties: {
          apiVersion: { enum: [PLATFORM_API_VERSION] },
          kind: { enum: [options.kind] },
          spec: {
            type: 'object',
            additionalProperties: false,
            required: options.required,
            properties: options.properties,
            ...(options.anyOf ? { anyOf: options.anyOf } : {}),
          },
        },
      },
    ],
  };
}
