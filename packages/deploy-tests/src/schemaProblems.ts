import { KubernetesSchemas } from '@internal/plugin-scaffolder-backend-module-platform';

// The schemas platform:validate checks rendered workspaces against; validators load per kind.
const schemas = new KubernetesSchemas();

/**
 * What the schemas of platform:validate find wrong with an object, unknown fields included, one
 * line each; a kind without a schema is a problem too.
 */
export function schemaProblems(object: {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown };
}): string[] {
  const { apiVersion, kind } = object;
  const what = `${kind} ${object.metadata?.name}`;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return [`${what}: apiVersion and kind must be strings`];
  }
  const validate = schemas.validatorFor(apiVersion, kind);
  if (!validate) return [`${what}: no schema for ${apiVersion} ${kind}`];
  return validate(object).map(error => {
    const property = (error.params as { additionalProperty?: string })
      .additionalProperty;
    return `${what}: ${error.instancePath || '/'} ${error.message}${
      property ? ` (${property})` : ''
    }`;
  });
}
