import path from 'node:path';
import { glob, hasMagic } from 'glob';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';

/**
 * Gives every file matched by a `file` location glob its own Location entity.
 *
 * The catalog processes an entity all-or-nothing: when the stock FileReaderProcessor reads a glob
 * and one of the files has a YAML error, the whole location fails and none of the other files'
 * entities are stored. With one Location per file, a broken file fails alone; its error is kept
 * on its own Location (logged, and listed by the unprocessed-entities API and page) while every
 * other file loads. Concrete (non-glob) targets are left to the stock readers.
 */
export class FilePerLocationProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'FilePerLocationProcessor';
  }

  /** Runs before the stock readers (priority 20) so globs never reach them. */
  getPriority(): number {
    return 10;
  }

  async readLocation(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
  ): Promise<boolean> {
    if (location.type !== 'file' || !hasMagic(location.target)) {
      return false;
    }
    const files = (
      await glob(location.target, { windowsPathsNoEscape: true, nodir: true })
    ).sort();
    if (files.length === 0 && !optional) {
      emit(
        processingResult.notFoundError(
          location,
          `No file matches ${location.target}`,
        ),
      );
    }
    for (const file of files) {
      emit(
        processingResult.location({
          type: 'file',
          target: path.normalize(file),
          presence: 'required',
        }),
      );
    }
    return true;
  }
}
