import fs from 'node:fs';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';

export const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples');

/** The example catalog's entities, as the sandbox knows them. */
export function exampleEntities(): Entity[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(
        fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'),
      ).map(doc => doc.toJS() as Entity),
    )
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
}
