import { Entity } from '@backstage/catalog-model';
import { PLATFORM_API_VERSION } from '../apiVersion';
import { entityRefSchema, platformKindSchema } from './kindSchema';

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

/** JSON Schema of {@link EnvironmentEntity}; unknown `spec` fields are errors. */
export const environmentEntitySchema = platformKindSchema({
  kind: 'Environment',
  description: 'A deployment environment',
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
    owner: entityRefSchema,
    system: entityRefSchema,
    production: { type: 'boolean' },
    promotionOrder: { type: 'integer', minimum: 0 },
    promotesTo: entityRefSchema,
    clusters: { type: 'array', minItems: 1, items: entityRefSchema },
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
});

export function isEnvironmentEntity(
  entity: Entity,
): entity is EnvironmentEntity {
  return (
    entity.apiVersion === PLATFORM_API_VERSION && entity.kind === 'Environment'
  );
}
