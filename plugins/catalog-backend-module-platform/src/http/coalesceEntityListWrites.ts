import type { RequestHandler, Response } from 'express';

/** The catalog routes that stream a list of entities, one `res.write` per entity. */
const ENTITY_LIST_PATHS = new Set([
  '/entities',
  '/entities/by-query',
  '/entities/by-refs',
]);

/** Gathered bytes are handed on at this size, so a list of any length holds at most this much. */
export const COALESCE_LIMIT_BYTES = 1024 * 1024;

type WriteCallback = (error?: Error | null) => void;

/**
 * A written chunk as kept until it is handed on: UTF-8 text stays a string, anything else becomes
 * bytes. Joining strings instead of copying Buffers measured ~10 % faster on by-refs(50)
 * (docs/benchmarks.md).
 */
type Part = string | Buffer;

function toPart(chunk: unknown, encoding: unknown): Part {
  if (typeof chunk === 'string') {
    return typeof encoding !== 'string' || /^utf-?8$/i.test(encoding)
      ? chunk
      : Buffer.from(chunk, encoding as BufferEncoding);
  }
  return Buffer.from(chunk as Uint8Array);
}

function joinParts(parts: Part[]): Part {
  if (parts.every(part => typeof part === 'string')) {
    return parts.join('');
  }
  return Buffer.concat(
    parts.map(part => (typeof part === 'string' ? Buffer.from(part) : part)),
  );
}

/**
 * The catalog writes an entity list as one `res.write` per entity. Behind the backend's
 * compression middleware each write becomes its own zlib operation on the thread pool: on a
 * loaded catalog that was 22–43 % of a by-refs(50) answer at p50, where compressing the same
 * 90 kB in one piece takes 0.8 ms (docs/benchmarks.md). This gathers a list's writes and hands them on as
 * one at the end (or whenever {@link COALESCE_LIMIT_BYTES} have gathered), so the answer is
 * compressed in one go. The bytes sent are the same; only their grouping changes. A write with a
 * callback is handed on at once (its caller waits for it); other routes pass untouched.
 */
export function coalesceEntityListWrites(): RequestHandler {
  return (req, res, next) => {
    if (ENTITY_LIST_PATHS.has(req.path)) {
      coalesceWrites(res);
    }
    next();
  };
}

function coalesceWrites(res: Response) {
  const write = res.write.bind(res) as (
    chunk: Part,
    callback?: WriteCallback,
  ) => boolean;
  const end = res.end.bind(res) as (
    chunk?: Part,
    callback?: () => void,
  ) => Response;
  let gathered: Part[] = [];
  let size = 0;
  let handedOn = false;

  const gather = (part: Part) => {
    gathered.push(part);
    size += Buffer.byteLength(part);
  };
  const handOn = (callback?: WriteCallback) => {
    const data = joinParts(gathered);
    gathered = [];
    size = 0;
    handedOn = true;
    return write(data, callback);
  };

  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const done = (typeof encoding === 'function' ? encoding : callback) as
      | WriteCallback
      | undefined;
    gather(toPart(chunk, encoding));
    // A caller that waits for its write to be flushed gets it handed on now.
    if (done || size >= COALESCE_LIMIT_BYTES) {
      return handOn(done);
    }
    return true;
  }) as Response['write'];

  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    let done = callback as (() => void) | undefined;
    let last: Part | undefined;
    if (typeof chunk === 'function') {
      done = chunk as () => void;
    } else {
      if (typeof encoding === 'function') {
        done = encoding as () => void;
      }
      if (chunk !== undefined && chunk !== null) {
        last = toPart(chunk, encoding);
      }
    }
    if (
      last !== undefined &&
      size &&
      !handedOn &&
      Number(res.getHeader('content-length')) === Buffer.byteLength(last)
    ) {
      // A whole body of its own (res.send sets its length) after list writes: an error handler
      // answering for a list that failed half-way. It replaces the half list, never sent.
      gathered = [];
      size = 0;
    }
    if (last !== undefined) {
      gather(last);
    }
    if (!handedOn) {
      // The whole answer in one piece (without a compression middleware in front, Node then
      // sends it with a Content-Length).
      return end(gathered.length ? joinParts(gathered) : undefined, done);
    }
    if (size) {
      handOn();
    }
    return end(undefined, done);
  }) as Response['end'];
}
