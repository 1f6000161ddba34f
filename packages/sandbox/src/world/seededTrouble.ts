import { buildWorld } from './buildWorld';
import { readExamples } from './readExamples';

/** The seed the sandbox uses when none is given (`--seed`). */
export const DEFAULT_SEED = 'sandbox';

/**
 * Which example services the seed makes crash-loop in staging and roll out degraded in
 * production: what the start line prints, for tests that look at the portal from outside.
 */
export function seededTrouble(
  examplesDir: string,
  seed: string = DEFAULT_SEED,
): { crashLoop?: string; degradedRollout?: string } {
  return buildWorld(readExamples(examplesDir), seed, Date.now()).troubled;
}
