import { startFakeDatadog } from '@internal/plugin-datadog-slo-backend/testUtils';
import { argocdApi } from './argocd/argocdApi';
import { SandboxGitlab } from './gitlab/gitlabApi';
import { GitRepositories } from './gitlab/gitRepositories';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datadogSlos } from './datadog/datadogSlos';
import { RunningServer, startJsonServer } from './http/jsonServer';
import { kubernetesApi } from './kubernetes/kubernetesApi';
import { buildWorld, SandboxWorld } from './world/buildWorld';
import { SandboxClock } from './world/clock';
import { readExamples } from './world/readExamples';
import { DEFAULT_SEED } from './world/seededTrouble';

/** The development tokens in app-config.yaml; not credentials of any real system. */
export const SANDBOX_TOKENS = {
  gitlab: 'sandbox-gitlab-token',
  argocd: 'sandbox-argocd-token',
  kubernetes: 'sandbox-kubernetes-token',
  datadogApiKey: 'sandbox-datadog-api-key',
  datadogAppKey: 'sandbox-datadog-app-key',
};

/** The loopback ports app-config.yaml points at. */
export const SANDBOX_PORTS = {
  gitlab: 7101,
  argocd: 7102,
  kubernetes: 7103,
  datadog: 7104,
};

export interface SandboxOptions {
  /** `examples/` of this repository. */
  examplesDir: string;
  /** Decides revisions, authors and where the seeded trouble falls. */
  seed?: string;
  clock?: SandboxClock;
  /** Where created projects' bare repositories live; a new temporary folder by default. */
  gitDir?: string;
  /** Where the sandbox says what is wrong with a push; stderr unless set. */
  warn?: (message: string) => void;
  /** How long each stage of a pushed pipeline runs (8 s unless set). */
  pipelineStageMs?: number;
  /** 0 picks free ports (tests). */
  ports?: Partial<typeof SANDBOX_PORTS>;
}

export interface Sandbox {
  world: SandboxWorld;
  clock: SandboxClock;
  urls: { gitlab: string; argocd: string; kubernetes: string; datadog: string };
  /** Where pushed projects' bare repositories live. */
  gitDir: string;
  close(): Promise<void>;
}

/** Starts the GitLab, Argo CD, Kubernetes and Datadog stand-ins on loopback. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const clock = options.clock ?? SandboxClock.live();
  const examples = readExamples(options.examplesDir);
  const world = buildWorld(examples, options.seed ?? DEFAULT_SEED, clock.now());
  const ports = { ...SANDBOX_PORTS, ...options.ports };
  const servers: RunningServer[] = [];
  // A folder the sandbox made itself goes when it stops; one it was given stays.
  const gitDir =
    options.gitDir ??
    fs.mkdtempSync(path.join(os.tmpdir(), 'portal-sandbox-git-'));
  const stop = async () => {
    await Promise.all(servers.map(s => s.close()));
    if (!options.gitDir) fs.rmSync(gitDir, { recursive: true, force: true });
  };
  try {
    const sandboxGitlab = new SandboxGitlab({
      world,
      repositories: examples.repositories,
      clock,
      token: SANDBOX_TOKENS.gitlab,
      stageMs: options.pipelineStageMs,
      warn:
        options.warn ??
        (message => process.stderr.write(`sandbox: ${message}\n`)),
      git: new GitRepositories(gitDir),
    });
    const gitlab = await startJsonServer(
      ports.gitlab,
      sandboxGitlab.handler,
      sandboxGitlab.intercept,
    );
    servers.push(gitlab);
    const argocd = await startJsonServer(
      ports.argocd,
      argocdApi({
        world,
        clock,
        token: SANDBOX_TOKENS.argocd,
        deliveries: () => sandboxGitlab.deliveries(),
      }),
    );
    servers.push(argocd);
    const kubernetes = await startJsonServer(
      ports.kubernetes,
      kubernetesApi({
        world,
        clock,
        token: SANDBOX_TOKENS.kubernetes,
        deliveries: () => sandboxGitlab.deliveries(),
      }),
    );
    servers.push(kubernetes);
    const datadog = await startFakeDatadog({
      port: ports.datadog,
      apiKey: SANDBOX_TOKENS.datadogApiKey,
      appKey: SANDBOX_TOKENS.datadogAppKey,
      slos: datadogSlos(examples.services, world),
      now: () => clock.now(),
      validate: false,
    });
    servers.push(datadog);
    return {
      world,
      clock,
      urls: {
        gitlab: gitlab.url,
        argocd: argocd.url,
        kubernetes: kubernetes.url,
        datadog: datadog.url,
      },
      gitDir,
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
