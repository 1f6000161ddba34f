import {
  stringifyEntityRef,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  CatalogProcessorParser,
  CatalogProcessorResult,
} from '@backstage/plugin-catalog-node';
import { CatalogFinding, CatalogFindingsStore } from './CatalogFindingsStore';

/**
 * Reads locations through the stock readers and checks what they found against the catalog: an
 * entity ref that another location already defines is a duplicate. The stock catalog keeps the
 * first definition and only logs the second. Here the entity that was kept gets an error naming
 * both places (through {@link CatalogFindingsProcessor}), visible on its page and in its status;
 * the second definition is left out and everything else the location holds loads as usual.
 * Removing or renaming either definition clears the error at the next read.
 */
export class DuplicateDefinitionReader implements CatalogProcessor {
  constructor(
    private readonly readers: CatalogProcessor[],
    private readonly store: CatalogFindingsStore,
    private readonly onNewFindings: (entityRefs: string[]) => void,
  ) {}

  getProcessorName(): string {
    return 'DuplicateDefinitionReader';
  }

  /** After the per-file glob splitting (10), before the stock readers (20) it wraps. */
  getPriority(): number {
    return 15;
  }

  async readLocation(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    parser: CatalogProcessorParser,
    cache: CatalogProcessorCache,
  ): Promise<boolean> {
    const results: CatalogProcessorResult[] = [];
    let handled = false;
    for (const reader of this.readers) {
      handled = await reader.readLocation!(
        location,
        optional,
        r => results.push(r),
        parser,
        cache,
      );
      if (handled) break;
    }
    if (!handled) return false;

    // The key the catalog will store each entity under (as its ProcessorOutputCollector does).
    const read = results.flatMap(r =>
      r.type === 'entity'
        ? [
            {
              ref: stringifyEntityRef(r.entity),
              key:
                r.locationKey === undefined
                  ? stringifyLocationRef(r.location)
                  : r.locationKey,
            },
          ]
        : [],
    );
    const owners = await this.store.locationKeysOf(read.map(r => r.ref));
    const duplicates: CatalogFinding[] = [];
    for (const { ref, key } of read) {
      const owner = owners.get(ref);
      if (key && owner && owner !== key) {
        duplicates.push({
          entityRef: ref,
          kind: 'duplicate-definition',
          subject: key,
          message: `${ref} is defined twice: in ${owner}, which the catalog keeps, and in ${key}, which is ignored. Remove or rename one of them.`,
        });
      }
    }
    const ignored = new Set(duplicates.map(d => d.entityRef));
    for (const result of results) {
      if (
        result.type !== 'entity' ||
        !ignored.has(stringifyEntityRef(result.entity))
      ) {
        emit(result);
      }
    }
    const newlyFound = await this.store.replaceDuplicatesFrom(
      stringifyLocationRef(location),
      duplicates,
    );
    if (newlyFound.length) this.onNewFindings(newlyFound);
    return true;
  }
}
