import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';
import { PLATFORM_RELATION_PAIRS } from '@internal/catalog-model-platform';

/**
 * The catalog graph only draws relation types it knows. Adding the Pipeline and Environment
 * relations makes the path service → pipeline → environment → cluster visible in the graph and
 * in every entity's Relations card.
 */
export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: () =>
            new DefaultCatalogGraphApi({
              // Both lists are needed: which relations are drawn by default is filtered from
              // knownRelations, and the pairs only say which two names are one edge.
              knownRelations: [
                ...ALL_RELATIONS,
                ...PLATFORM_RELATION_PAIRS.flat(),
              ],
              knownRelationPairs: [
                ...ALL_RELATION_PAIRS,
                ...PLATFORM_RELATION_PAIRS,
              ],
              // Required once any option is given: the constructor only defaults it without options.
              defaultRelationTypes: { exclude: [] },
            }),
        }),
    }),
  ],
});
