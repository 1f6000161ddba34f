import fs from 'node:fs';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';

const refOf = (e: {
  kind: string;
  metadata: { namespace?: string; name: string };
}) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLocaleLowerCase('en-US');

/** The refs of the entities the files matching `globs` declare, read straight from the YAML. */
export function entityRefsDeclaredIn(globs: string[]): string[] {
  return globs
    .flatMap(glob => fs.globSync(glob))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(file, 'utf8'))
        .map(doc => doc.toJS())
        .filter(entity => entity?.kind && entity?.metadata?.name)
        .map(refOf),
    );
}

/**
 * Waits until the catalog holds every ref (processing is asynchronous: locations are read, then
 * each entity is processed and stitched), so `catalog:fetch` and owner checks see them.
 */
export async function waitForCatalog(
  backend: TestBackend,
  refs: string[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let missing = refs;
  while (missing.length > 0) {
    const res = await request(backend.server)
      .get('/api/catalog/entities?fields=kind,metadata.namespace,metadata.name')
      .set('Authorization', mockCredentials.service.header());
    const present = new Set<string>((res.body ?? []).map(refOf));
    missing = refs.filter(ref => !present.has(ref));
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog never loaded ${missing.length} entities, e.g. ${missing
          .slice(0, 5)
          .join(
            ', ',
          )}: is a file of examples/ or templates/ invalid? The portal's Unprocessed Entities page says why.`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
