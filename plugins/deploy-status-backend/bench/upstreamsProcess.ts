/*
 * The benchmark's upstreams in a process of their own, so building their answers does not take
 * CPU from the portal being measured: the sandbox's GitLab, Argo CD and Kubernetes for the
 * catalog in `--examples`, each behind a proxy that answers `--latency` ms late. Prints one line,
 * `upstreams {json}`, with the proxies' URLs, then runs until it is sent SIGTERM. A line `counts`
 * on stdin is answered with `counts {json}`: the requests each proxy received since the last one.
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { SandboxClock, startSandbox } from '@internal/sandbox';
import { startUpstreamProxy } from '../src/__testUtils__/upstreamProxy';

const USAGE = 'Usage: upstreamsProcess.ts --examples <dir> --latency <ms>';

function readArgs(): { examples: string; latency: string } {
  try {
    const { examples, latency } = parseArgs({
      strict: true,
      options: { examples: { type: 'string' }, latency: { type: 'string' } },
    }).values;
    if (examples === undefined || latency === undefined) {
      throw new Error('--examples and --latency are required');
    }
    return { examples, latency };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
}

async function main() {
  const args = readArgs();
  const sandbox = await startSandbox({
    examplesDir: args.examples,
    seed: 'bench',
    clock: SandboxClock.fixed(Date.UTC(2026, 0, 5, 9)),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
  const delayMs = Number(args.latency);
  const proxies = {
    gitlab: await startUpstreamProxy(sandbox.urls.gitlab, { delayMs }),
    argocd: await startUpstreamProxy(sandbox.urls.argocd, { delayMs }),
    kubernetes: await startUpstreamProxy(sandbox.urls.kubernetes, { delayMs }),
  };
  console.log(
    `upstreams ${JSON.stringify({
      gitlab: proxies.gitlab.url,
      argocd: proxies.argocd.url,
      kubernetes: proxies.kubernetes.url,
    })}`,
  );
  const counted = { gitlab: 0, argocd: 0, kubernetes: 0 };
  readline.createInterface({ input: process.stdin }).on('line', line => {
    if (line.trim() !== 'counts') return;
    const since = Object.fromEntries(
      (['gitlab', 'argocd', 'kubernetes'] as const).map(name => {
        const total = proxies[name].requests.length;
        const count = total - counted[name];
        counted[name] = total;
        return [name, count];
      }),
    );
    console.log(`counts ${JSON.stringify(since)}`);
  });
  process.on('SIGTERM', async () => {
    await Promise.all(Object.values(proxies).map(p => p.close()));
    await sandbox.close();
    process.exit(0);
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
