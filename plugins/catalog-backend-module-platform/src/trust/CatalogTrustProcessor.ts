import {
  Entity,
  stringifyEntityRef,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
} from '@backstage/plugin-catalog-node';
import { CatalogTrust } from './catalogTrust';
import { sourceOf } from './entitySource';
import { refusingRule } from './trustRules';

/**
 * Refuses an entity whose origin may not define its kind (TRUST_RULES): Users and Groups from
 * anywhere but the GitLab organisation import or the portal's own catalog.locations, Templates,
 * Environments and far-pointing Locations from anywhere but those or the platform's repositories.
 *
 * A refused entity fails its own processing with an InputError naming the rule and where it was
 * read from, so it is listed, with that message, by the unprocessed-entities API and page; the
 * other entities of the same file load. `catalog.rules` still runs first, on the Location that
 * emits the entity (see the package README).
 */
export class CatalogTrustProcessor implements CatalogProcessor {
  constructor(private readonly trust: CatalogTrust) {}

  getProcessorName(): string {
    return 'CatalogTrustProcessor';
  }

  /** Before every other processor, so a refused entity does no work and emits nothing. */
  getPriority(): number {
    return 0;
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    _emit: CatalogProcessorEmit,
    originLocation: LocationSpec,
  ): Promise<Entity> {
    const source = sourceOf(entity, location, originLocation, this.trust);
    const rule = refusingRule(entity, source, location);
    if (!rule) return entity;
    const read = stringifyLocationRef(location);
    const origin = stringifyLocationRef(originLocation);
    throw new InputError(
      `${stringifyEntityRef(entity)} is refused by the catalog's trust rules ` +
        `(rule "${rule.id}"): ${rule.describe(this.trust)}. ` +
        `It was read from ${read}${
          origin === read ? '' : `, which ${origin} led to`
        }. Remove it there, or define it where this kind may be defined.`,
    );
  }
}
