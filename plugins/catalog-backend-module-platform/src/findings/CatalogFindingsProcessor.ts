import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { CatalogFinding, CatalogFindingsStore } from './CatalogFindingsStore';

/** Whether the entity, as it is now, still names the missing target in its spec. */
function stillReferences(entity: Entity, targetRef: string): boolean {
  const name = targetRef.slice(targetRef.lastIndexOf('/') + 1);
  return JSON.stringify(entity.spec ?? {})
    .toLocaleLowerCase('en-US')
    .includes(name);
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
    // A fixed reference must not stay blocked by the finding that reported it: the next sweep
    // would only clear it after the fixed entity had been stored.
    return (
      finding.kind !== 'missing-relation-target' ||
      stillReferences(entity, finding.subject)
    );
  }
}
