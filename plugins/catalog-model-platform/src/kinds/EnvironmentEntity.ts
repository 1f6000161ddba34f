import { Entity } from '@backstage/catalog-model';
import { PLATFORM_API_VERSION } from '../apiVersion';

/**
 * A deployment environment (dev, staging, production, …): where it sits in the promotion order,
 * the clusters and Argo CD instance behind it, the cloud account, and whether it is production.
 */
export interface EnvironmentEntity extends Entity {
  apiVersion: typeof PLATFORM_API_VERSION;
  kind: 'Environment';
  spec: {
    type: string;
    owner: string;
    system?: string;
    production: boolean;
    /** Position in the promotion order, lowest first (dev 1, staging 2, production 3). */
    promotionOrder: number;
    /** The next environment up, if any. */
    promotesTo?: string;
    /** Resource refs of the Kubernetes clusters this environment runs on. */
    clusters: string[];
    argocd: { instance: string; project: string };
    cloud?: {
      provider: 'aws' | 'gcp' | 'azure' | 'other';
      account: string;
      region?: string;
    };
  };
}

const entityRef = { type: 'string', minLength: 1 } as const;

/** JSON Schema of {@link EnvironmentEntity}; unknown `spec` fields are errors. */
export const environmentEntitySchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'EnvironmentV1alpha1',
  description: 'A deployment environment',
  allOf: [
    { $ref: 'Entity' },
    {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { enum: [PLATFORM_API_VERSION] },
        kind: { enum: ['Environment'] },
        spec: {
          type: 'object',
          additionalProperties: false,
          required: [
            'type',
            'owner',
            'production',
            'promotionOrder',
            'clusters',
            'argocd',
          ],
          properties: {
            type: { type: 'string', minLength: 1 },
            owner: entityRef,
            system: entityRef,
            production: { type: 'boolean' },
            promotionOrder: { type: 'integer', minimum: 0 },
            promotesTo: entityRef,
            clusters: { type: 'array', minItems: 1, items: entityRef },
            argocd: {
              type: 'object',
              additionalProperties: false,
              required: ['instance', 'project'],
              properties: {
                instance: { type: 'string', minLength: 1 },
                project: { type: 'string', minLength: 1 },
              },
            },
            cloud: {
              type: 'object',
              additionalProperties: false,
              required: ['provider', 'account'],
              properties: {
                provider: { enum: ['aws', 'gcp', 'azure', 'other'] },
                account: { type: 'string', minLength: 1 },
                region: { type: 'string', minLength: 1 },
              },
            },
          },
        },
      },
    },
  ],
} as const;

export function isEnvironmentEntity(
  entity: Entity,
): entity is EnvironmentEntity {
  return (
    entity.apiVersion === PLATFORM_API_VERSION && entity.kind === 'Environment'
  );
}
