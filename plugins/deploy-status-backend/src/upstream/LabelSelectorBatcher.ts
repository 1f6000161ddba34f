/** Values per merged request; keeps the URL of a set-based selector well under 8 KB. */
const DEFAULT_MAX_VALUES = 100;

/** `key=value` (or `key==value`): the one selector form that can be merged with others of its key. */
export function singleEqualityTerm(
  selector: string,
): { key: string; value: string } | undefined {
  const match = selector.trim().match(/^([^\s,=!()]+)\s*==?\s*([^\s,=!()]+)$/);
  return match ? { key: match[1], value: match[2] } : undefined;
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

/**
 * Merges list requests that arrive in the same turn of the event loop, ask the same upstream list
 * (a `scope`: one cluster's Pods, one Argo CD instance's applications of a project) and select by
 * the same label key with one value each (`backstage.io/kubernetes-id=checkout-api`) into one
 * request with a set-based selector (`backstage.io/kubernetes-id in (checkout-api,cart-service)`),
 * and gives each caller the items carrying its value: exactly what its own request would have
 * answered. The catalog-wide page asks about a hundred services at once; this turns a hundred
 * lists per cluster and kind into one. Any other selector form is sent alone, unchanged.
 */
export class LabelSelectorBatcher<T> {
  private readonly queues = new Map<string, Queue<T>>();

  constructor(
    private readonly options: {
      labelsOf: (item: T) => Record<string, string> | undefined;
      maxValues?: number;
    },
  ) {}

  /** Callers of one `scope` must pass `list` functions that list the same thing. */
  list(
    scope: string,
    selector: string,
    list: (selector: string) => Promise<T[]>,
  ): Promise<T[]> {
    const term = singleEqualityTerm(selector);
    if (!term) {
      return list(selector);
    }
    const queueKey = `${scope}\n${term.key}`;
    let queue = this.queues.get(queueKey);
    if (!queue) {
      const created: Queue<T> = { key: term.key, list, waiting: [] };
      this.queues.set(queueKey, created);
      // After every request of this turn has queued; costs no measurable time when alone.
      setImmediate(() => {
        this.queues.delete(queueKey);
        this.dispatch(created);
      });
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
      list(selector).then(
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
