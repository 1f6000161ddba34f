import {
  Entity,
  entityKindSchemaValidator,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  environmentEntitySchema,
  isEnvironmentEntity,
  isPipelineEntity,
  pipelineEntitySchema,
  RELATION_BUILDS,
  RELATION_BUILT_BY,
  RELATION_DEPLOYED_BY,
  RELATION_DEPLOYMENT_TARGET_OF,
  RELATION_DEPLOYS,
  RELATION_DEPLOYS_TO,
  RELATION_PROMOTED_FROM,
  RELATION_PROMOTES_TO,
} from '@internal/catalog-model-platform';

const validators = [
  entityKindSchemaValidator(pipelineEntitySchema),
  entityKindSchemaValidator(environmentEntitySchema),
];

/**
 * Validates the Pipeline and Environment kinds against their JSON Schemas (an unknown or
 * mistyped field fails that entity with the field's path) and emits their relations in both
 * directions.
 */
export class PlatformKindsProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'PlatformKindsProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    for (const validate of validators) {
      if (validate(entity)) return true;
    }
    return false;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const self = getCompoundEntityRef(entity);
    const { namespace } = self;
    const relate = (
      targets: string | string[] | undefined,
      defaultKind: string,
      forward: string,
      backward: string,
    ) => {
      for (const target of [targets ?? []].flat()) {
        const ref = parseEntityRef(target, {
          defaultKind,
          defaultNamespace: namespace,
        });
        emit(
          processingResult.relation({
            source: self,
            type: forward,
            target: ref,
          }),
        );
        emit(
          processingResult.relation({
            source: ref,
            type: backward,
            target: self,
          }),
        );
      }
    };

    if (isPipelineEntity(entity)) {
      const { spec } = entity;
      relate(spec.owner, 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF);
      relate(spec.system, 'System', RELATION_PART_OF, RELATION_HAS_PART);
      relate(spec.builds, 'Component', RELATION_BUILDS, RELATION_BUILT_BY);
      relate(spec.deploys, 'Component', RELATION_DEPLOYS, RELATION_DEPLOYED_BY);
      relate(
        spec.deploysTo,
        'Environment',
        RELATION_DEPLOYS_TO,
        RELATION_DEPLOYMENT_TARGET_OF,
      );
    } else if (isEnvironmentEntity(entity)) {
      const { spec } = entity;
      relate(spec.owner, 'Group', RELATION_OWNED_BY, RELATION_OWNER_OF);
      relate(spec.system, 'System', RELATION_PART_OF, RELATION_HAS_PART);
      relate(
        spec.promotesTo,
        'Environment',
        RELATION_PROMOTES_TO,
        RELATION_PROMOTED_FROM,
      );
      // Clusters are Resources the environment cannot run without.
      relate(
        spec.clusters,
        'Resource',
        RELATION_DEPENDS_ON,
        RELATION_DEPENDENCY_OF,
      );
    }
    return entity;
  }
}
