import {
  isKubernetesLabelKey,
  isKubernetesLabelValue,
} from '@internal/catalog-model-platform';
/** Values per merged request; keeps the URL of a set-based selector well under 8 KB. */
const DEFAULT_MAX_VALUES = 100;

/**
 * How long look-ups are collected before they are sent. The look-ups of one list request reach
 * the batcher after their cache look-up; with the memory cache that is the same turn of the event
 * loop, with Redis a round trip later each, spread over a millisecond or two. The window costs a
 * cold look-up this much; warm ones never get here.
 */
const DEFAULT_WINDOW_MS = 5;

/**
 * `key=value` (or `key==value`) with a valid label key and value: the one selector form that can
 * be merged with others of its key. Anything else is sent alone, so a malformed annotation fails
 * only its own entity's look-up, never a merged request of many.
 */
export function singleEqualityTerm(
  selector: string,
): { key: string; value: string } | undefined {
  const match = selector.trim().match(/^([^\s,=!()]+)\s*==?\s*([^\s,=!()]+)$/);
  if (
    !match ||
    !isKubernetesLabelKey(match[1]) ||
    !isKubernetesLabelValue(match[2])
  ) {
    return undefined;
  }
  return { key: match[1], value: match[2] };
}

interface Waiting<T> {
  value: string;
  resolve(items: T[]): void;
  reject(error: unknown): void;
}

interface Queue<T> {
  key: string;
  list: (selector: string) => Promise<T[]>;
  waiting: Waiting<T>[];
}

export interface LabelSelectorBatcherOptions<T> {
  labelsOf: (item: T) => Record<string, string> | undefined;
  /** Values per merged request; 1 turns merging off (the benchmark compares both). */
  maxValues?: number;
  windowMs?: number;
}

/**
 * Merges list requests that arrive within a few milliseconds, ask the same upstream list (a
 * `scope`: one cluster's Pods, one Argo CD instance's applications of a project) and select by the
 * same label key with one value each (`backstage.io/kubernetes-id=checkout-api`) into one request
 * with a set-based selector (`backstage.io/kubernetes-id in (checkout-api,cart-service)`), and
 * gives each caller the items carrying its value: exactly what its own request would have
 * answered. The catalog-wide page asks about a hundred services at once; this turns a hundred
 * lists per cluster and kind into one. Any other selector form is sent alone, unchanged.
 */
export class LabelSelectorBatcher<T> {
  private readonly queues = new Map<string, Queue<T>>();

  constructor(private readonly options: LabelSelectorBatcherOptions<T>) {}

  /** Callers of one `scope` must pass `list` functions that list the same thing. */
  list(
    scope: string,
    selector: string,
    list: (selector: string) => Promise<T[]>,
  ): Promise<T[]> {
    const term = singleEqualityTerm(selector);
    if (!term || (this.options.maxValues ?? DEFAULT_MAX_VALUES) <= 1) {
      return list(selector);
    }
    const queueKey = `${scope}\n${term.key}`;
    let queue = this.queues.get(queueKey);
    if (!queue) {
      const created: Queue<T> = { key: term.key, list, waiting: [] };
      this.queues.set(queueKey, created);
      setTimeout(() => {
        this.queues.delete(queueKey);
        this.dispatch(created);
      }, this.options.windowMs ?? DEFAULT_WINDOW_MS);
      queue = created;
    }
    const waiting = queue.waiting;
    return new Promise<T[]>((resolve, reject) =>
      waiting.push({ value: term.value, resolve, reject }),
    );
  }

  private dispatch(queue: Queue<T>) {
    const { key, list, waiting } = queue;
    const values = [...new Set(waiting.map(w => w.value))];
    const maxValues = this.options.maxValues ?? DEFAULT_MAX_VALUES;
    for (let start = 0; start < values.length; start += maxValues) {
      const chunk = values.slice(start, start + maxValues);
      const selector =
        chunk.length === 1
          ? `${key}=${chunk[0]}`
          : `${key} in (${chunk.join(',')})`;
      const callers = waiting.filter(w => chunk.includes(w.value));
      // Through a promise, so a `list` that throws instead of rejecting fails its callers too.
      Promise.resolve()
        .then(() => list(selector))
        .then(
          items => {
            for (const caller of callers) {
              caller.resolve(
                items.filter(
                  item => this.options.labelsOf(item)?.[key] === caller.value,
                ),
              );
            }
          },
          error => callers.forEach(caller => caller.reject(error)),
        );
    }
  }
}
