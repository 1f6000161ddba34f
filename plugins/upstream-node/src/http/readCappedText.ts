import { UpstreamError } from '../errors/UpstreamError';

/**
 * An answer's body as text, refusing to hold more than `maxBytes`: an upstream that answers
 * megabytes of something (a list grown far beyond what a page needs, a proxy's error page in a
 * loop) fails its own source instead of the portal's memory.
 */
export async function readCappedText(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  label: string,
  status: number,
): Promise<string> {
  if (!body) {
    return '';
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new UpstreamError(
        `${label} answered ${status} with more than ${formatBytes(
          maxBytes,
        )}, the portal's limit for one answer (upstream.maxResponseBytes)`,
        { failure: 'too-large', status },
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`
    : `${Math.round(bytes / 1024)} KiB`;
}
