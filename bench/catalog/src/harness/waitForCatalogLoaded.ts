import type { CatalogProgress } from '../backend/catalogModuleBenchProgress';
import { readProcessMemory } from '../measure/processMemory';

export interface CatalogLoad {
  /** Milliseconds from readiness until every entity was processed and stitched. */
  loadedMs: number;
  /** Milliseconds until nothing was left to process; stitching finishes after. */
  processedMs: number;
  progress: CatalogProgress;
}

const LOAD_TIMEOUT_MS = 20 * 60_000;
const POLL_MS = 1_000;

/**
 * Polls the benchmark progress endpoint until all `expectedEntities` are stitched and nothing is
 * left to process or stitch. Fails with the last progress when it takes over 20 minutes.
 */
export async function waitForCatalogLoaded(options: {
  baseUrl: string;
  pid: number;
  expectedEntities: number;
  onProgress?: (progress: CatalogProgress, elapsedMs: number) => void;
}): Promise<CatalogLoad> {
  const started = performance.now();
  let progress: CatalogProgress | undefined;
  let processedMs: number | undefined;
  while (performance.now() - started < LOAD_TIMEOUT_MS) {
    const res = await fetch(`${options.baseUrl}/api/catalog/bench/progress`);
    if (!res.ok) {
      throw new Error(
        `Progress endpoint answered ${res.status}: ${await res.text()}`,
      );
    }
    progress = (await res.json()) as CatalogProgress;
    const elapsedMs = performance.now() - started;
    options.onProgress?.(progress, elapsedMs);
    // Before the first entity is stitched, an empty queue only means loading has not started.
    if (
      processedMs === undefined &&
      progress.pendingProcessing === 0 &&
      progress.stitchedEntities > 0
    ) {
      processedMs = elapsedMs;
    }
    if (
      progress.stitchedEntities >= options.expectedEntities &&
      progress.pendingProcessing === 0 &&
      progress.pendingStitching === 0
    ) {
      return {
        loadedMs: elapsedMs,
        processedMs: processedMs ?? elapsedMs,
        progress,
      };
    }
    await readProcessMemory(options.pid); // fails early if the backend died
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
  throw new Error(
    `Catalog not loaded after ${LOAD_TIMEOUT_MS / 60_000} min: ${JSON.stringify(
      progress,
    )}`,
  );
}
