/*
 * Relation types of the Pipeline and Environment kinds. Each pair is emitted in both directions
 * so either end can be queried and the catalog graph draws the path
 * service → pipeline → environment → cluster.
 */

/** Pipeline → Component it builds. */
export const RELATION_BUILDS = 'builds';
/** Component → Pipeline that builds it. */
export const RELATION_BUILT_BY = 'builtBy';
/** Pipeline → Component it deploys. */
export const RELATION_DEPLOYS = 'deploys';
/** Component → Pipeline that deploys it. */
export const RELATION_DEPLOYED_BY = 'deployedBy';
/** Pipeline → Environment it deploys to. */
export const RELATION_DEPLOYS_TO = 'deploysTo';
/** Environment → Pipeline that deploys to it. */
export const RELATION_DEPLOYMENT_TARGET_OF = 'deploymentTargetOf';
/** Environment → the next Environment up the promotion order. */
export const RELATION_PROMOTES_TO = 'promotesTo';
/** Environment → the Environment it is promoted from. */
export const RELATION_PROMOTED_FROM = 'promotedFrom';

/** Forward/reverse pairs, for tools that draw relations (the catalog graph). */
export const PLATFORM_RELATION_PAIRS: ReadonlyArray<[string, string]> = [
  [RELATION_BUILDS, RELATION_BUILT_BY],
  [RELATION_DEPLOYS, RELATION_DEPLOYED_BY],
  [RELATION_DEPLOYS_TO, RELATION_DEPLOYMENT_TARGET_OF],
  [RELATION_PROMOTES_TO, RELATION_PROMOTED_FROM],
];
