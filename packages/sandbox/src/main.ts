/*
 * Starts the sandbox for development: `yarn workspace @internal/sandbox start [--seed S]
 * [--deterministic] [--stage-seconds N]`. scripts/start.sh runs it beside the portal.
 */
import { parseArgs } from 'node:util';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { SandboxClock } from './world/clock';
import { startSandbox } from './startSandbox';

/** The instant deterministic mode starts at. */
const DETERMINISTIC_START = Date.UTC(2026, 0, 5, 9, 0, 0);

const USAGE = 'Usage: start [--seed S] [--deterministic] [--stage-seconds N]';

function readArgs() {
  try {
    return parseArgs({
      strict: true,
      options: {
        seed: { type: 'string' },
        deterministic: { type: 'boolean' },
        'stage-seconds': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
}

function stageMs(seconds: string | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  const value = Number(seconds);
  if (!Number.isFinite(value) || value <= 0 || value > 600) {
    throw new Error(
      `--stage-seconds must be a number of seconds between 0 and 600, not "${seconds}"`,
    );
  }
  return value * 1000;
}

async function main() {
  const args = readArgs();
  const sandbox = await startSandbox({
    examplesDir: resolvePackagePath('@internal/sandbox', '../../examples'),
    seed: args.seed,
    pipelineStageMs: stageMs(args['stage-seconds']),
    clock: args.deterministic
      ? SandboxClock.fixed(DETERMINISTIC_START)
      : SandboxClock.live(),
  });
  const { crashLoop, degradedRollout } = sandbox.world.troubled;
  console.log(
    `sandbox: GitLab ${sandbox.urls.gitlab}, Argo CD ${sandbox.urls.argocd}, Kubernetes ${sandbox.urls.kubernetes}, Datadog ${sandbox.urls.datadog}; ` +
      `${sandbox.world.releases.length} releases; ${crashLoop} crash-loops in staging, ${degradedRollout}'s production rollout is degraded`,
  );
  const stop = () => sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  console.error(`sandbox: ${error.message}`);
  process.exit(1);
});
