import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

// Past this many changed lines a file is rewritten more than edited, and finding the shortest
// edit script costs more (its time grows with the square of the changes) than the excerpt is worth.
const MAX_EDIT_LENGTH = 2_000;

/**
 * A unified diff of two texts (3 lines of context), cut after `maxLines` lines so one rewritten
 * file cannot drown the rest of the report.
 */
export function unifiedDiff(
  before: string,
  after: string,
  labels: { before: string; after: string },
  maxLines = 60,
): string {
  const patch = createTwoFilesPatch(
    labels.before,
    labels.after,
    before,
    after,
    undefined,
    undefined,
    {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY,
      maxEditLength: MAX_EDIT_LENGTH,
    },
  );
  const out = patch?.replace(/\n$/, '').split('\n') ?? [
    `--- ${labels.before}`,
    `+++ ${labels.after}`,
    `More than ${MAX_EDIT_LENGTH} lines differ: compare the files themselves.`,
  ];
  if (out.length > maxLines) {
    return [
      ...out.slice(0, maxLines),
      `… ${out.length - maxLines} more diff lines`,
    ].join('\n');
  }
  return out.join('\n');
}
