import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Catalog look-ups of the last few seconds, per caller. A service page asks the portal's backends
 * about one entity many times (the SLO list, one history per SLO, the deploy status on each
 * refresh); each would otherwise cost a catalog request (5 ms at the median
 * on the development backend, more than the cached SLO answer itself). Keyed by the caller's
 * identity, so what one user may not see is never served to another; kept briefly, so an
 * annotation change or a permission change applies within `ttlMs`.
 */
export class RecentEntityLookups {
  private readonly entries = new Map<
    string,
    { entity: Entity; until: number }
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      now?: () => number;
    } = { ttlMs: 10_000, maxEntries: 5_000 },
  ) {}

  async get(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const now = (this.options.now ?? Date.now)();
    const key = `${callerOf(credentials)} ${stringifyEntityRef(ref)}`;
    const hit = this.entries.get(key);
    if (hit && hit.until > now) {
      return hit.entity;
    }
    this.entries.delete(key);
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (entity) {
      this.keep(key, entity, now);
    }
    return entity;
  }

  /**
   * Many entities, in the order asked (undefined for one the caller cannot see or that does not
   * exist); those not kept come from one catalog request.
   */
  async getMany(
    refs: CompoundEntityRef[],
    credentials: BackstageCredentials,
  ): Promise<Array<Entity | undefined>> {
    const now = (this.options.now ?? Date.now)();
    const caller = callerOf(credentials);
    const keys = refs.map(ref => `${caller} ${stringifyEntityRef(ref)}`);
    const found = keys.map(key => {
      const hit = this.entries.get(key);
      return hit && hit.until > now ? hit.entity : undefined;
    });
    const missing = refs
      .map((ref, i) => (found[i] ? undefined : stringifyEntityRef(ref)))
      .filter((ref): ref is string => ref !== undefined);
    if (missing.length === 0) {
      return found;
    }
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: [...new Set(missing)] },
      { credentials },
    );
    const fetched = new Map<string, Entity>();
    [...new Set(missing)].forEach((ref, i) => {
      const entity = items[i];
      if (entity) {
        fetched.set(ref, entity);
        this.keep(`${caller} ${ref}`, entity, now);
      }
    });
    return found.map(
      (entity, i) => entity ?? fetched.get(stringifyEntityRef(refs[i])),
    );
  }

  private keep(key: string, entity: Entity, now: number) {
    this.entries.delete(key);
    this.entries.set(key, { entity, until: now + this.options.ttlMs });
    // Maps keep insertion order: the first key is the oldest.
    if (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }
}

function callerOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}
