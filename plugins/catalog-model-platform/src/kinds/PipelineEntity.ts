import { Entity } from '@backstage/catalog-model';
import { PLATFORM_API_VERSION } from '../apiVersion';
import {
  entityRefSchema,
  entityRefsSchema,
  platformKindSchema,
} from './kindSchema';

/**
 * A GitLab CI pipeline definition: which project and ref it runs on, its stages, schedules and the
 * shared CI templates it includes, and what it builds and deploys where.
 */
export interface PipelineEntity extends Entity {
  apiVersion: typeof PLATFORM_API_VERSION;
  kind: 'Pipeline';
  spec: {
    type: 'gitlab-ci';
    owner: string;
    system?: string;
    /** GitLab project path, e.g. `commerce/checkout-api`. */
    project: string;
    defaultRef: string;
    stages: string[];
    schedules?: Array<{ cron: string; ref?: string; description?: string }>;
    /** `include: project:` entries of the `.gitlab-ci.yml`. */
    includes?: Array<{
      project: string;
      ref?: string;
      file: string | string[];
    }>;
    /** Components this pipeline builds. */
    builds?: string[];
    /** Components this pipeline deploys. */
    deploys?: string[];
    /** Environments this pipeline deploys to. */
    deploysTo?: string[];
  };
}

/** JSON Schema of {@link PipelineEntity}; unknown `spec` fields are errors. */
export const pipelineEntitySchema = platformKindSchema({
  kind: 'Pipeline',
  description: 'A GitLab CI pipeline definition',
  required: ['type', 'owner', 'project', 'defaultRef', 'stages'],
  properties: {
    type: { enum: ['gitlab-ci'] },
    owner: entityRefSchema,
    system: entityRefSchema,
    project: {
      type: 'string',
      pattern: '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$',
    },
    defaultRef: { type: 'string', minLength: 1 },
    stages: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
    },
    schedules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['cron'],
        properties: {
          cron: { type: 'string', minLength: 9 },
          ref: { type: 'string', minLength: 1 },
          description: { type: 'string' },
        },
      },
    },
    includes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['project', 'file'],
        properties: {
          project: { type: 'string', minLength: 1 },
          ref: { type: 'string', minLength: 1 },
          file: {
            anyOf: [
              { type: 'string', minLength: 1 },
              {
                type: 'array',
                items: { type: 'string', minLength: 1 },
              },
            ],
          },
        },
      },
    },
    builds: entityRefsSchema,
    deploys: entityRefsSchema,
    deploysTo: entityRefsSchema,
  },
});

export function isPipelineEntity(entity: Entity): entity is PipelineEntity {
  return (
    entity.apiVersion === PLATFORM_API_VERSION && entity.kind === 'Pipeline'
  );
}
