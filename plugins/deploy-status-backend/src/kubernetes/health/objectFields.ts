/*
 * Reading an object as the API server sent it (JSON, possibly malformed), the way Argo CD's
 * health checks see it. The Go checks convert the object to its typed struct first: a missing or
 * `null` field is its zero value, a field of the wrong JSON type fails the conversion (and Argo CD
 * reports Unknown). The Lua checks see `nil` for a missing field and raise an error where they
 * index or compare a value of the wrong type. Either way, a wrong type here is a
 * {@link MalformedField} naming the field.
 */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(
        value.length > 40 ? `${value.slice(0, 40)}…` : value,
      )}`;
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** A field whose value is not of the type Kubernetes (and Argo CD) expects there. */
export class MalformedField extends Error {
  constructor(readonly path: string, expected: string, actual: unknown) {
    super(
      `${path || 'the object'}: expected ${expected}, got ${describe(actual)}`,
    );
    this.name = 'MalformedField';
  }
}

/**
 * The fields of one JSON object, each read with the type it must have. Absent and `null` fields
 * read as undefined (`optional…`) or as Go's zero value (the others); any other type throws
 * {@link MalformedField}.
 */
export class Fields {
  /** `value` must be an object, or absent (then every field is absent). */
  static of(value: unknown, path = ''): Fields {
    if (value === undefined || value === null) {
      return new Fields(undefined, path);
    }
    if (!isJsonObject(value)) {
      throw new MalformedField(path, 'an object', value);
    }
    return new Fields(value, path);
  }

  private constructor(
    private readonly value: JsonObject | undefined,
    readonly path: string,
  ) {}

  /** Whether the object itself was there (not absent, not null). */
  get present(): boolean {
    return this.value !== undefined;
  }

  /** Where a field is, like `status.conditions[0].type` or `metadata.annotations["a/b"]`. */
  pathOf(key: string): string {
    if (!/^[A-Za-z_$][\w$]*$/.test(key)) {
      return `${this.path}[${JSON.stringify(key)}]`;
    }
    return this.path ? `${this.path}.${key}` : key;
  }

  /** The raw value of a field; undefined when absent or null. */
  raw(key: string): unknown {
    const value = this.value?.[key];
    return value === null ? undefined : value;
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  /** A nested object; absent reads as an object without fields. */
  object(key: string): Fields {
    return Fields.of(this.raw(key), this.pathOf(key));
  }

  optionalObject(key: string): Fields | undefined {
    return this.has(key) ? this.object(key) : undefined;
  }

  /** A list, its items as they are; undefined when absent. */
  optionalList(key: string): unknown[] | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      throw new MalformedField(this.pathOf(key), 'a list', value);
    }
    return value;
  }

  /** A list of objects (Go: a `null` item is a zero struct); absent reads as empty. */
  objects(key: string): Fields[] {
    const path = this.pathOf(key);
    return (this.optionalList(key) ?? []).map((item, i) =>
      Fields.of(item, `${path}[${i}]`),
    );
  }

  optionalString(key: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      throw new MalformedField(this.pathOf(key), 'a string', value);
    }
    return value;
  }

  string(key: string): string {
    return this.optionalString(key) ?? '';
  }

  optionalInteger(key: string): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new MalformedField(this.pathOf(key), 'an integer', value);
    }
    return value;
  }

  integer(key: string): number {
    return this.optionalInteger(key) ?? 0;
  }

  optionalNumber(key: string): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new MalformedField(this.pathOf(key), 'a number', value);
    }
    return value;
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      throw new MalformedField(this.pathOf(key), 'true or false', value);
    }
    return value;
  }

  boolean(key: string): boolean {
    return this.optionalBoolean(key) ?? false;
  }

  /** A map of strings, like `metadata.annotations`; absent reads as empty. */
  stringMap(key: string): Record<string, string> {
    const map = this.object(key);
    const result: Record<string, string> = {};
    for (const name of map.keys()) {
      const value = map.optionalString(name);
      if (value !== undefined) result[name] = value;
    }
    return result;
  }

  /** A list of strings, like `metadata.finalizers`; absent reads as empty. */
  strings(key: string): string[] {
    const path = this.pathOf(key);
    return (this.optionalList(key) ?? []).map((item, i) => {
      if (typeof item !== 'string') {
        throw new MalformedField(`${path}[${i}]`, 'a string', item);
      }
      return item;
    });
  }

  keys(): string[] {
    return this.value ? Object.keys(this.value) : [];
  }
}
