import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { CatalogFinding, CatalogFindingsStore } from './CatalogFindingsStore';

/** Every string in the entity's spec that reads as a reference to `targetRef`'s kind. */
function stillReferences(entity: Entity, targetRef: string): boolean {
  const target = parseEntityRef(targetRef);
  const context = {
    defaultKind: target.kind,
    defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
  };
  const strings = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value && typeof value === 'object') {
      return Object.values(value).flatMap(strings);
    }
    return [];
  };
  return strings(entity.spec).some(value => {
    try {
      return stringifyEntityRef(parseEntityRef(value, context)) === targetRef;
    } catch {
      return false; // not a reference at all
    }
  });
}

/**
 * Turns the findings about an entity (duplicate definitions, relations to missing entities)
 * into processing errors on it, so they show on its page and in its `status` through the API,
 * like any other processing error. The entity keeps its last good state meanwhile.
 */
export class CatalogFindingsProcessor implements CatalogProcessor {
  constructor(private readonly store: CatalogFindingsStore) {}

  getProcessorName(): string {
    return 'CatalogFindingsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const findings = await this.store.findingsFor(stringifyEntityRef(entity));
    for (const finding of findings.filter(f => this.applies(f, entity))) {
      emit(processingResult.generalError(location, finding.message));
    }
    return entity;
  }

  private applies(finding: CatalogFinding, entity: Entity) {
    // A fixed reference must not stay blocked by the finding that reported it: the sweep only
    // clears it once the fixed entity (and its relations) has been stored.
    return (
      finding.kind !== 'missing-relation-target' ||
      stillReferences(entity, finding.subject)
    );
  }
}
