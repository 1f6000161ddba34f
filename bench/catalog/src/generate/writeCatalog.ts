import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { GeneratedCatalog } from './generateCatalog';

/** Writes each generated file as a multi-document YAML file under `directory`. */
export async function writeCatalog(
  catalog: GeneratedCatalog,
  directory: string,
): Promise<void> {
  for (const file of catalog.files) {
    const target = path.join(directory, ...file.path.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    const documents = file.entities.map(entity => stringify(entity));
    await fs.writeFile(target, documents.join('---\n'), 'utf8');
  }
}

/** The number of generated entities per kind, e.g. `{ component: 2852, … }`. */
export function countByKind(catalog: GeneratedCatalog): Record<string, number> {
  return Object.fromEntries(
    [...catalog.refsByKind].map(([kind, refs]) => [kind, refs.length]),
  );
}
