import { SourceResult } from '@internal/plugin-deploy-status-common';
import { upstreamMessage } from '@internal/upstream-node';

/** A source's answer, or its failure as that source's error: a failing source never fails the answer. */
export async function settle<T>(
  load: () => Promise<T>,
): Promise<SourceResult<T>> {
  try {
    return { state: 'ok', data: await load() };
  } catch (error) {
    return { state: 'error', message: upstreamMessage(error) };
  }
}
