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
    return (await this.ofEach([entity]))[0];
  }

  /**
   * `of` for many entities with one catalog request for all their deploying pipelines, so a
   * list of entities costs what one entity costs.
   */
  async ofEach(entities: Entity[]): Promise<EnvironmentEntity[][]> {
    const all = await this.all();
    const pipelineRefsOf = (entity: Entity) =>
      (entity.relations ?? [])
        .filter(r => r.type === RELATION_DEPLOYED_BY)
        .map(r => r.targetRef);
    const needPipelines = entities.filter(
      e => readEnvironmentRefs(e).length === 0 && pipelineRefsOf(e).length > 0,
    );
    const pipelines = new Map<string, string[]>();
    if (needPipelines.length > 0) {
      const entityRefs = [...new Set(needPipelines.flatMap(pipelineRefsOf))];
      const credentials = await this.auth.getOwnServiceCredentials();
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs },
        { credentials },
      );
      // The catalog answers in the order asked, with null for a ref it does not know.
      items.forEach((pipeline, i) => {
        if (pipeline && isPipelineEntity(pipeline)) {
          pipelines.set(
            entityRefs[i],
            (pipeline.spec.deploysTo ?? []).map(ref =>
              refOf(ref, 'environment'),
            ),
          );
        }
      });
    }
    return entities.map(entity => {
      const annotated = readEnvironmentRefs(entity).map(ref =>
        refOf(ref, 'environment'),
      );
      if (annotated.length > 0) {
        return all.filter(env => annotated.includes(stringifyEntityRef(env)));
      }
      const targets = new Set(
        pipelineRefsOf(entity).flatMap(ref => pipelines.get(ref) ?? []),
      );
      const deployedTo = all.filter(env =>
        targets.has(stringifyEntityRef(env)),
      );
      return deployedTo.length > 0 ? deployedTo : all;
    });
  }
}
