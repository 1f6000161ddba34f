import {
  LabelSelectorBatcher,
  singleEqualityTerm,
} from './LabelSelectorBatcher';

interface Item {
  name: string;
  metadata: { labels: Record<string, string> };
}

const item = (name: string, labels: Record<string, string>): Item => ({
  name,
  metadata: { labels },
});

const ITEMS = [
  item('a-1', { app: 'a', tier: 'web' }),
  item('a-2', { app: 'a' }),
  item('b-1', { app: 'b' }),
  item('c-1', { app: 'c' }),
  item('other', { team: 'a' }),
];

/** An upstream that answers label selectors of the forms the batcher sends, and counts them. */
function upstream() {
  const asked: string[] = [];
  const list = async (selector: string) => {
    asked.push(selector);
    const set = selector.match(/^(\S+) in \((.*)\)$/);
    if (set) {
      const values = set[2].split(',');
      return ITEMS.filter(i => values.includes(i.metadata.labels[set[1]]));
    }
    const [key, value] = selector.split('=');
    return ITEMS.filter(i => i.metadata.labels[key] === value);
  };
  return { asked, list };
}

const names = (items: Item[]) => items.map(i => i.name);

describe('LabelSelectorBatcher', () => {
  it('merges look-ups of one turn by the same key into one set-based request', async () => {
    const batcher = new LabelSelectorBatcher<Item>({
      labelsOf: i => i.metadata.labels,
    });
    const { asked, list } = upstream();
    const [a, b, again, nothing] = await Promise.all([
      batcher.list('cluster-1/Pods', 'app=a', list),
      batcher.list('cluster-1/Pods', 'app = b', list),
      batcher.list('cluster-1/Pods', 'app==a', list),
      batcher.list('cluster-1/Pods', 'app=zzz', list),
    ]);
    expect(asked).toEqual(['app in (a,b,zzz)']);
    // Each caller gets exactly what its own selector would have answered.
    expect(names(a)).toEqual(['a-1', 'a-2']);
    expect(names(again)).toEqual(['a-1', 'a-2']);
    expect(names(b)).toEqual(['b-1']);
    expect(nothing).toEqual([]);
  });

  it('keeps scopes and keys apart, and sends other selector forms alone and unchanged', async () => {
    const batcher = new LabelSelectorBatcher<Item>({
      labelsOf: i => i.metadata.labels,
    });
    const { asked, list } = upstream();
    await Promise.all([
      batcher.list('cluster-1/Pods', 'app=a', list),
      batcher.list('cluster-2/Pods', 'app=b', list),
      batcher.list('cluster-1/Pods', 'team=a', list),
      batcher.list('cluster-1/Pods', 'app=a,tier=web', list),
    ]);
    expect(asked.sort()).toEqual([
      'app=a',
      'app=a,tier=web',
      'app=b',
      'team=a',
    ]);
  });

  it('merges look-ups that arrive a little apart, as after a Redis cache look-up', async () => {
    const batcher = new LabelSelectorBatcher<Item>({
      labelsOf: i => i.metadata.labels,
      windowMs: 20,
    });
    const { asked, list } = upstream();
    const later = (ms: number, value: string) =>
      new Promise<Item[]>(resolve =>
        setTimeout(() => resolve(batcher.list('s', `app=${value}`, list)), ms),
      );
    const answers = await Promise.all([
      later(0, 'a'),
      later(5, 'b'),
      later(10, 'c'),
    ]);
    expect(asked).toEqual(['app in (a,b,c)']);
    expect(answers.map(names)).toEqual([['a-1', 'a-2'], ['b-1'], ['c-1']]);
  });

  it('sends a value that is not a valid label value alone, so only its caller fails', async () => {
    const batcher = new LabelSelectorBatcher<Item>({
      labelsOf: i => i.metadata.labels,
    });
    const { asked, list } = upstream();
    await Promise.all([
      batcher.list('s', 'app=a', list),
      batcher.list('s', 'app=b', list),
      batcher.list('s', 'app=checkout/api', list),
      batcher.list('s', `app=${'x'.repeat(64)}`, list),
    ]);
    expect(asked.sort()).toEqual([
      'app in (a,b)',
      'app=checkout/api',
      `app=${'x'.repeat(64)}`,
    ]);
  });

  it('merges nothing with maxValues 1', async () => {
    const batcher = new LabelSelectorBatcher<Item>({
      labelsOf: i => i.metadata.labels,
      maxValues: 1,
    });
    const { asked, list } = upstream();
    await Promise.all(['a', 'b'].map(v => batcher.list('s', `app=${v}`, list)));
    expect(asked.sort()).toEqual(['app=a', 'app=b']);
  });

  it('fails the callers of a list function that throws instead of rejecting', async () => {
    const batcher = new LabelSelectorBatcher<Item>({
      labelsOf: i => i.metadata.labels,
    });
    const throwing = (): Promise<Item[]> => {
      throw new Error('bad request');
    };
    await expect(
      Promise.all([
        batcher.list('s', 'app=a', throwing),
        batcher.list('s', 'app=b', throwing),
      ]),
    ).rejects.toThrow('bad request');
  });

  it('does not merge look-ups of different turns', async () => {
    const batcher = new LabelSelectorBatcher<Item>({
      labelsOf: i => i.metadata.labels,
    });
    const { asked, list } = upstream();
    await batcher.list('s', 'app=a', list);
    await batcher.list('s', 'app=b', list);
    expect(asked).toEqual(['app=a', 'app=b']);
  });

  it('splits long value lists into several requests', async () => {
    const batcher = new LabelSelectorBatcher<Item>({
      labelsOf: i => i.metadata.labels,
      maxValues: 2,
    });
    const { asked, list } = upstream();
    const answers = await Promise.all(
      ['a', 'b', 'c'].map(v => batcher.list('s', `app=${v}`, list)),
    );
    expect(asked).toEqual(['app in (a,b)', 'app=c']);
    expect(answers.map(names)).toEqual([['a-1', 'a-2'], ['b-1'], ['c-1']]);
  });

  it('fails every caller of a failed request, and only those', async () => {
    const batcher = new LabelSelectorBatcher<Item>({
      labelsOf: i => i.metadata.labels,
      maxValues: 2,
    });
    const { list } = upstream();
    const failing = async (selector: string) => {
      if (selector.includes('c')) {
        throw new Error('cluster did not answer');
      }
      return list(selector);
    };
    const answers = await Promise.allSettled(
      ['a', 'b', 'c'].map(v => batcher.list('s', `app=${v}`, failing)),
    );
    expect(answers.map(a => a.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
  });
});

describe('singleEqualityTerm', () => {
  it.each([
    ['backstage.io/kubernetes-id=checkout-api', 'backstage.io/kubernetes-id'],
    ['app == a', 'app'],
  ])('reads %s', (selector, key) => {
    expect(singleEqualityTerm(selector)?.key).toBe(key);
  });

  it.each([
    'app!=a',
    'app in (a,b)',
    'app=a,tier=web',
    'app',
    '!app',
    'app=',
    'app=-a',
    'app=a/b',
    'Example.COM/app=a',
  ])('leaves %s alone', selector => {
    expect(singleEqualityTerm(selector)).toBeUndefined();
  });
});
