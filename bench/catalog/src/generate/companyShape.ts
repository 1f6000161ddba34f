/**
 * How many of each fixed part a company of `entityCount` catalog entities has. The ratios follow
 * the example catalog and what platform teams report: about one team per 65 entities, six people
 * per team, a system per team and a half, three environments (with one cluster each) per region.
 * Everything left over is filled with repositories (a component with its API, resources and
 * pipeline).
 */
export interface CompanyShape {
  domains: number;
  teams: number;
  usersPerTeam: number;
  systems: number;
  regions: number;
}

/** The smallest catalog the generator makes; below it the fixed parts alone would not fit. */
export const MIN_ENTITY_COUNT = 200;

export function companyShapeFor(entityCount: number): CompanyShape {
  if (!Number.isInteger(entityCount) || entityCount < MIN_ENTITY_COUNT) {
    throw new Error(
      `The synthetic catalog needs a whole number of at least ${MIN_ENTITY_COUNT} entities, got ${entityCount}`,
    );
  }
  const scale = entityCount / 10_000;
  return {
    domains: Math.max(3, Math.round(20 * scale)),
    teams: Math.max(4, Math.round(150 * scale)),
    usersPerTeam: 6,
    systems: Math.max(6, Math.round(200 * scale)),
    regions: Math.max(1, Math.round(10 * scale)),
  };
}

export const ENVIRONMENT_TIERS = [
  { name: 'development', production: false },
  { name: 'staging', production: false },
  { name: 'production', production: true },
] as const;
