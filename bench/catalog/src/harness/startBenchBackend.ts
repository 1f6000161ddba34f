import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { BenchRun, benchAppConfig } from './benchConfig';

export interface BenchBackend {
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawn until the readiness endpoint answered. */
  startupMs: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;

function exited(child: ChildProcess) {
  return new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts src/backend/benchBackend.ts in its own Node process (as `backstage-cli package start`
 * would: TypeScript transpiled on load), with its log in `workDirectory`.
 */
export async function startBenchBackend(
  run: BenchRun,
  workDirectory: string,
): Promise<BenchBackend> {
  const name = `${run.database}-${run.variant}`;
  const configFile = path.join(workDirectory, `${name}.app-config.yaml`);
  fs.writeFileSync(configFile, stringify(benchAppConfig(run)));
  const log = fs.openSync(path.join(workDirectory, `${name}.log`), 'w');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolvePackagePath(
        '@internal/bench-catalog',
        'src/backend/benchBackend.ts',
      ),
      '--config',
      configFile,
    ],
    {
      // The backend finds its package (and config schemas) from the working directory.
      cwd: resolvePackagePath('@internal/bench-catalog'),
      env: {
        ...process.env,
        BENCH_VARIANT: run.variant,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', log, log],
    },
  );
  const stop = async () => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited(child);
    clearTimeout(timer);
    fs.closeSync(log);
  };

  const baseUrl = `http://127.0.0.1:${run.port}`;
  while (performance.now() - started < READY_TIMEOUT_MS) {
    if (child.exitCode !== null) {
      throw new Error(
        `The ${name} backend exited with ${child.exitCode}; see ${workDirectory}/${name}.log`,
      );
    }
    const ready = await fetch(`${baseUrl}/.backstage/health/v1/readiness`)
      .then(res => res.ok)
      .catch(() => false);
    if (ready) {
      return {
        pid: child.pid!,
        baseUrl,
        startupMs: performance.now() - started,
        stop,
      };
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(
    `The ${name} backend was not ready within ${READY_TIMEOUT_MS / 1000} s`,
  );
}
