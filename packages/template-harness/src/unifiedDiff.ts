type Edit = { kind: ' ' | '-' | '+'; line: string };

// Beyond this many line pairs the LCS table costs too much; such files are shown whole.
const MAX_CELLS = 4_000_000;

/** The line edits turning `before` into `after`, from a longest-common-subsequence table. */
function lineEdits(before: string[], after: string[]): Edit[] {
  if (before.length * after.length > MAX_CELLS) {
    return [
      ...before.map(line => ({ kind: '-' as const, line })),
      ...after.map(line => ({ kind: '+' as const, line })),
    ];
  }
  const width = after.length + 1;
  const lcs = new Uint32Array((before.length + 1) * width);
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        before[i] === after[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      edits.push({ kind: ' ', line: before[i++] });
      j++;
    } else if (
      i < before.length &&
      (j === after.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
    ) {
      edits.push({ kind: '-', line: before[i++] });
    } else {
      edits.push({ kind: '+', line: after[j++] });
    }
  }
  return edits;
}

const splitLines = (text: string) =>
  text === '' ? [] : text.replace(/\n$/, '').split('\n');

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
  const edits = lineEdits(splitLines(before), splitLines(after));
  const context = 3;
  const out = [`--- ${labels.before}`, `+++ ${labels.after}`];
  let index = 0;
  for (;;) {
    let firstChange = index;
    while (firstChange < edits.length && edits[firstChange].kind === ' ') {
      firstChange++;
    }
    if (firstChange >= edits.length) break;
    const start = Math.max(index, firstChange - context);
    let end = firstChange;
    // A hunk runs on while the next change is within two contexts of the last one.
    for (let k = firstChange; k < edits.length; k++) {
      if (edits[k].kind !== ' ') end = k;
      else if (k - end > 2 * context) break;
    }
    const stop = Math.min(edits.length, end + context + 1);
    const beforeStart =
      edits.slice(0, start).filter(e => e.kind !== '+').length + 1;
    const afterStart =
      edits.slice(0, start).filter(e => e.kind !== '-').length + 1;
    const hunk = edits.slice(start, stop);
    out.push(
      `@@ -${beforeStart},${
        hunk.filter(e => e.kind !== '+').length
      } +${afterStart},${hunk.filter(e => e.kind !== '-').length} @@`,
      ...hunk.map(e => `${e.kind}${e.line}`),
    );
    index = stop;
  }
  if (out.length > maxLines) {
    return [
      ...out.slice(0, maxLines),
      `… ${out.length - maxLines} more diff lines`,
    ].join('\n');
  }
  return out.join('\n');
}
