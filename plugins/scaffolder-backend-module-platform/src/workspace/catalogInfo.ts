import { Entity } from '@backstage/catalog-model';
import { PLATFORM_API_VERSION } from '@internal/catalog-model-platform';
import { WorkspaceProblem } from './types';
import { parseYamlFile, YamlSourceDocument } from './yamlSource';

/** The catalog's answer to "would you accept this entity?" (`POST /api/catalog/validate-entity`). */
export type EntityValidationResult =
  | { valid: true }
  | { valid: false; errors: Array<{ name?: string; message: string }> };

/**
 * Validates an entity with the catalog's own processors (kinds, policies, this portal's Pipeline
 * and Environment schemas). `CatalogService.validateEntity` bound to the task's credentials.
 */
export interface CatalogEntityValidator {
  validateEntity(
    entity: Entity,
    locationRef: string,
  ): Promise<EntityValidationResult>;
}

/** Backstage's kinds (`backstage.io/…`, `scaffolder.backstage.io/…`) and this portal's. */
export function isCatalogApiVersion(apiVersion: unknown): boolean {
  return (
    typeof apiVersion === 'string' &&
    (apiVersion === PLATFORM_API_VERSION ||
      /^([a-z0-9-]+\.)*backstage\.io\//.test(apiVersion))
  );
}

/** A JSON pointer or dotted path the catalog puts in its messages, mapped back to a line. */
function lineInMessage(document: YamlSourceDocument, message: string): number {
  const pointer =
    /(?:^|[\s'"(])(\/(?:apiVersion|kind|metadata|spec|relations)(?:\/[\w.~-]+)*)/.exec(
      message,
    );
  if (pointer) return document.lineOf(pointer[1]);
  const dotted = /\b((?:metadata|spec)(?:\.[\w-]+)+)/.exec(message);
  if (dotted) return document.lineOf(`/${dotted[1].split('.').join('/')}`);
  return document.firstLine;
}

/**
 * Every document of a catalog file goes through the catalog's validators, as the catalog would
 * read it once the repository is registered. `locationRef` is the `url:` location it will have.
 */
export async function checkCatalogInfoFile(
  file: string,
  text: string,
  validator: CatalogEntityValidator,
  locationRef: string,
  /**
   * `catalog-info.yaml`: every document is an entity. Any other YAML file: only the documents
   * with a catalog apiVersion are (the rest are the Kubernetes check's).
   */
  scope: 'all-documents' | 'catalog-documents' = 'all-documents',
): Promise<WorkspaceProblem[]> {
  // The catalog reads entity files with this same library, as YAML 1.2.
  const parsed = parseYamlFile(file, text, { version: '1.2' });
  if (parsed.problems.length > 0) {
    // In a file shared with Kubernetes manifests, that check has reported them already.
    return scope === 'all-documents' ? parsed.problems : [];
  }
  if (parsed.documents.length === 0 && scope === 'all-documents') {
    return [
      {
        file,
        line: 1,
        message: 'has no entity: the catalog would register nothing',
      },
    ];
  }
  const multiple = parsed.documents.length > 1;
  const problems: WorkspaceProblem[] = [];
  for (const document of parsed.documents) {
    if (
      scope === 'catalog-documents' &&
      !isCatalogApiVersion(
        (document.toJS() as { apiVersion?: unknown } | null)?.apiVersion,
      )
    ) {
      continue;
    }
    const where = multiple ? `document ${document.index + 1}: ` : '';
    const entity = document.toJS();
    if (!entity || typeof entity !== 'object' || Array.isArray(entity)) {
      problems.push({
        file,
        line: document.firstLine,
        message: `${where}is not an entity (expected a mapping with apiVersion, kind, metadata)`,
      });
      continue;
    }
    let result: EntityValidationResult;
    try {
      result = await validator.validateEntity(entity as Entity, locationRef);
    } catch (error) {
      // Not an answer about the entity: the catalog could not be asked. Still a problem, so a
      // task does not publish what nobody checked.
      problems.push({
        file,
        line: document.firstLine,
        message: `${where}the catalog could not validate it: ${
          (error as Error).message
        }`,
      });
      continue;
    }
    if (result.valid) continue;
    for (const error of result.errors) {
      problems.push({
        file,
        line: lineInMessage(document, error.message),
        message: `${where}${error.message}`,
      });
    }
  }
  return problems;
}
