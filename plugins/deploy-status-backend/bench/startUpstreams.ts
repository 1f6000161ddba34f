import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** Requests each upstream's proxy received, since the previous `counts()`. */
export interface UpstreamCounts {
  gitlab: number;
  argocd: number;
  kubernetes: number;
}

/**
 * Starts the benchmark's upstreams in a process of their own (`upstreamsProcess.ts`: the sandbox
 * for the catalog in `examplesDir`, behind proxies `latencyMs` late); resolves with the proxies'
 * URLs once they listen. `counts()` asks the process what its proxies received since last asked.
 */
export async function startUpstreams(options: {
  examplesDir: string;
  latencyMs: number;
}) {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, 'upstreamsProcess.ts'),
      '--examples',
      options.examplesDir,
      '--latency',
      String(options.latencyMs),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  const waiting: Array<(counts: UpstreamCounts) => void> = [];
  const urls = await new Promise<{
    gitlab: string;
    argocd: string;
    kubernetes: string;
  }>((resolve, reject) => {
    child.on('exit', code => reject(new Error(`upstreams exited ${code}`)));
    lines.on('line', line => {
      if (line.startsWith('upstreams ')) {
        resolve(JSON.parse(line.slice('upstreams '.length)));
      } else if (line.startsWith('counts ')) {
        waiting.shift()?.(JSON.parse(line.slice('counts '.length)));
      }
    });
  });
  return {
    urls,
    counts: () =>
      new Promise<UpstreamCounts>(resolve => {
        waiting.push(resolve);
        child.stdin!.write('counts\n');
      }),
    stop: () =>
      new Promise<void>(resolve => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
