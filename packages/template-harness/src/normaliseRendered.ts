import os from 'node:os';
import { FileTree } from './snapshot';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The parts of a rendered file that differ between two runs of the same template with the same
 * values, replaced by fixed placeholders so the snapshot only changes when the template does:
 * - every dry run gets a random task id, `dry-run-<uuid>`, which templates see as
 *   `${{ context.task.id }}`;
 * - its workspace is `<scaffolder working directory>/dry-run-<uuid>` (the OS's temp folder
 *   unless `backend.workingDirectory` says otherwise), which differs per run and per machine.
 * Nothing else varies today: the scaffolder offers templates no clock or random filter. The
 * harness renders every case twice and fails if a file still differs, naming it, so a new
 * source of variation is found at once and added here.
 */
export function normaliseRendered(files: FileTree): FileTree {
  const workspace = new RegExp(
    `${escape(os.tmpdir())}[/\\\\]dry-run-${UUID}`,
    'g',
  );
  const taskId = new RegExp(`dry-run-${UUID}`, 'g');
  return new Map(
    [...files].map(([file, content]) => {
      if (content.includes(0)) return [file, content];
      const text = content.toString('utf8');
      const normalised = text
        .replace(workspace, '<workspace>')
        .replace(taskId, 'dry-run-<task-id>');
      return [
        file,
        normalised === text ? content : Buffer.from(normalised, 'utf8'),
      ];
    }),
  );
}
