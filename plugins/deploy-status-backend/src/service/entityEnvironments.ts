import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentEntity,
  isEnvironmentEntity,
  isPipelineEntity,
  readEnvironmentRefs,
  RELATION_DEPLOYED_BY,
} from '@internal/catalog-model-platform';

const ENVIRONMENTS_KEPT_MS = 30_000;

const refOf = (ref: string, kind: string) =>
  stringifyEntityRef(parseEntityRef(ref, { defaultKind: kind }));

/**
 * The catalog's Environment entities, and which of them an entity is deployed to: those of its
 * `platformportal.io/environments` annotation, else those its deploying pipelines deploy to, else
 * all of them. Environments are read with the plugin's own credentials and kept for 30 s: they
 * change rarely and every request needs them.
 */
export class EntityEnvironments {
  private kept?: { environments: EnvironmentEntity[]; until: number };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  private async all(): Promise<EnvironmentEntity[]> {
    if (this.kept && this.kept.until > Date.now()) {
      return this.kept.environments;
    }
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items } = await this.catalog.getEntities(
      { filter: { kind: 'Environment' } },
      { credentials },
    );
    const environments = items
      .filter(isEnvironmentEntity)
      .sort(
        (a, b) =>
          a.spec.promotionOrder - b.spec.promotionOrder ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
    this.kept = { environments, until: Date.now() + ENVIRONMENTS_KEPT_MS };
    return environments;
  }

  /** In promotion order. */
  async of(entity: Entity): Promise<EnvironmentEntity[]> {
    const all = await this.all();
    const annotated = readEnvironmentRefs(entity).map(ref =>
      refOf(ref, 'environment'),
    );
    if (annotated.length > 0) {
      return all.filter(env => annotated.includes(stringifyEntityRef(env)));
    }
    const pipelineRefs = (entity.relations ?? [])
      .filter(r => r.type === RELATION_DEPLOYED_BY)
      .map(r => r.targetRef);
    if (pipelineRefs.length > 0) {
      const credentials = await this.auth.getOwnServiceCredentials();
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: pipelineRefs },
        { credentials },
      );
      const targets = new Set(
        items
          .filter((p): p is NonNullable<typeof p> => Boolean(p))
          .filter(isPipelineEntity)
          .flatMap(p => p.spec.deploysTo ?? [])
          .map(ref => refOf(ref, 'environment')),
      );
      const deployedTo = all.filter(env =>
        targets.has(stringifyEntityRef(env)),
      );
      if (deployedTo.length > 0) {
        return deployedTo;
      }
    }
    return all;
  }
}
