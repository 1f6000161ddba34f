import { unifiedDiff } from './unifiedDiff';

const labels = { before: 'snapshot/a.yaml', after: 'rendered/a.yaml' };
const lines = (n: number) =>
  Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe('unifiedDiff', () => {
  it('shows a changed line with three lines of context and hunk positions', () => {
    const before = lines(10);
    const after = [...before];
    after[4] = 'line 5 changed';
    expect(
      unifiedDiff(`${before.join('\n')}\n`, `${after.join('\n')}\n`, labels),
    ).toBe(
      [
        '--- snapshot/a.yaml',
        '+++ rendered/a.yaml',
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line 5 changed',
        ' line 6',
        ' line 7',
        ' line 8',
      ].join('\n'),
    );
  });

  it('keeps distant changes in separate hunks and counts added lines', () => {
    const before = lines(30);
    const after = [...before.slice(0, 2), 'new', ...before.slice(2, 27)];
    after.push('line 28 changed', ...before.slice(28));
    const diff = unifiedDiff(before.join('\n'), after.join('\n'), labels);
    expect(diff.split('\n').filter(l => l.startsWith('@@'))).toEqual([
      '@@ -1,5 +1,6 @@',
      '@@ -25,6 +26,6 @@',
    ]);
  });

  it('cuts a long diff, saying how much it left out', () => {
    const diff = unifiedDiff('', `${lines(100).join('\n')}\n`, labels, 10);
    expect(diff.split('\n')).toHaveLength(11);
    expect(diff).toMatch(/… 93 more diff lines$/);
  });

  it('says when only the newline at the end of the file differs', () => {
    const diff = unifiedDiff('a: 1\n', 'a: 1', labels);
    expect(diff.split('\n')).toEqual([
      '--- snapshot/a.yaml',
      '+++ rendered/a.yaml',
      '@@ -1,1 +1,1 @@',
      '-a: 1',
      '+a: 1',
      '\\ No newline at end of file',
    ]);
  });

  it('names a rewritten file instead of diffing it line by line', () => {
    const before = lines(3000).map(line => `old ${line}`);
    const diff = unifiedDiff(
      `${before.join('\n')}\n`,
      `${lines(3000).join('\n')}\n`,
      labels,
    );
    expect(diff.split('\n')).toEqual([
      '--- snapshot/a.yaml',
      '+++ rendered/a.yaml',
      'More than 2000 lines differ: compare the files themselves.',
    ]);
  });
});
