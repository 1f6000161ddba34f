/*
 * The benchmark's upstreams in a process of their own, so building their answers does not take
 * CPU from the portal being measured: the sandbox's GitLab, Argo CD and Kubernetes for the
 * catalog in `--examples`, each behind a proxy that answers `--latency` ms late. Prints one line,
 * `upstreams {json}`, with the proxies' URLs, then runs until it is sent SIGTERM.
 */
import { SandboxClock, startSandbox } from '@internal/sandbox';
import { startUpstreamProxy } from '../src/__testUtils__/upstreamProxy';

function arg(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) {
    throw new Error(`--${name} is required`);
  }
  return process.argv[index + 1];
}

async function main() {
  const sandbox = await startSandbox({
    examplesDir: arg('examples'),
    seed: 'bench',
    clock: SandboxClock.fixed(Date.UTC(2026, 0, 5, 9)),
    ports: { gitlab: 0, argocd: 0, kubernetes: 0, datadog: 0 },
  });
  const delayMs = Number(arg('latency'));
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
