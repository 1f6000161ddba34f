import { Entity } from '@backstage/catalog-model';
import { PLATFORM_API_VERSION } from '../apiVersion';
import { entityRefSchema, platformKindSchema } from './kindSchema';

/**
 * A deployment environment (dev, staging, production, …): where it sits in the promotion order,
 * the clusters and Argo CD instance behind it, the cloud account, and whether it is production.
 * An environment has clusters, an Argo CD instance or both: a plain-Kubernetes environment (the
 * pipeline applies its manifests) has no `argocd`; an Argo CD-only one, whose instance deploys to
 * clusters the catalog does not know, has no (or empty) `clusters`.
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
    /**
     * Resource refs of the Kubernetes clusters this environment runs on; absent or empty for an
     * Argo CD-only environment (then `argocd` is there).
     */
    clusters?: string[];
    /**
     * The Argo CD instance (as named in `argocd.appLocatorMethods`) and project that deploy it;
     * absent for a plain-Kubernetes environment (then `clusters` has at least one).
     */
    argocd?: { instance: string; project: string };
    cloud?: {
      provider: 'aws' | 'gcp' | 'azure' | 'other';
      account: string;
      region?: string;
    };
  };
}

/**
 * An environment needs Argo CD, a cluster, or both. The catalog reports only the first error of
 * a failed schema (Backstage's `entityKindSchemaValidator`), and for a failed `anyOf` that is the
 * first failure of its first branch; so the first branch requires a property no environment can
 * have (`additionalProperties` is false), whose name is what to do: the message reads
 * `/spec must have required property 'argocd or clusters' - missingProperty: argocd or clusters`.
 */
const argocdOrClusters = {
  anyOf: [
    { required: ['argocd or clusters'] },
    { required: ['argocd'] },
    {
      required: ['clusters'],
      properties: { clusters: { type: 'array', minItems: 1 } },
    },
  ],
};

/** JSON Schema of {@link EnvironmentEntity}; unknown `spec` fields are errors. */
export const environmentEntitySchema = platformKindSchema({
  kind: 'Environment',
  description: 'A deployment environment',
  required: ['type', 'owner', 'production', 'promotionOrder'],
  ...argocdOrClusters,
  properties: {
    type: { type: 'string', minLength: 1 },
    owner: entityRefSchema,
    system: entityRefSchema,
    production: { type: 'boolean' },
    promotionOrder: { type: 'integer', minimum: 0 },
    promotesTo: entityRefSchema,
    clusters: { type: 'array', items: entityRefSchema },
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
