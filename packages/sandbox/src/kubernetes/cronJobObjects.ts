import { Deploy, Release } from '../world/buildWorld';
import { Workload } from '../world/workloads';
import {
  container,
  controllerRef,
  hashNumber,
  imageOf,
  iso,
  metadata,
  Obj,
  objectUid,
  releaseLabels,
  shortHash,
} from './objectMeta';
import { pod } from './pods';

type CronJobWorkload = Extract<Workload, { kind: 'CronJob' }>;

const DAY = 24 * 3600 * 1000;

/** One run of a CronJob: when it was scheduled, what it ran and when it finished. */
export interface CronJobRun {
  scheduledMs: number;
  finishedMs: number;
  deploy: Deploy;
}

/** The scheduled times of `<minute> <hour> * * *` (UTC) at or before `nowMs`, newest first. */
function scheduledTimes(schedule: string, nowMs: number, count: number) {
  const match = schedule.match(/^(\d{1,2}) (\d{1,2}) \* \* \*$/);
  if (!match) {
    throw new Error(
      `the sandbox runs daily schedules only ("M H * * *"), not "${schedule}"`,
    );
  }
  const day = new Date(nowMs);
  let at = Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    Number(match[2]),
    Number(match[1]),
  );
  if (at > nowMs) at -= DAY;
  return Array.from({ length: count }, (_, i) => at - i * DAY);
}

/**
 * The CronJob's last runs the controller still keeps: the latest, and while it is still running
 * the one before it (so a finished Job is always there). Each ran the revision deployed when it
 * was scheduled; runs from before the CronJob existed are none.
 */
export function cronJobRuns(
  release: Release,
  workload: CronJobWorkload,
  nowMs: number,
): CronJobRun[] {
  const createdAt = release.history[release.history.length - 1].deployedAt;
  const runs = scheduledTimes(workload.schedule, nowMs, 2)
    .map(scheduledMs => ({
      scheduledMs,
      // Three to four minutes of work.
      finishedMs:
        scheduledMs +
        180_000 +
        hashNumber(60, release.service.name, scheduledMs) * 1000,
      deploy: release.history.find(d => d.deployedAt <= scheduledMs),
    }))
    .filter((run): run is CronJobRun => !!run.deploy)
    .filter(run => run.scheduledMs >= createdAt);
  return runs[0] && runs[0].finishedMs <= nowMs ? runs.slice(0, 1) : runs;
}

/** Whether the CronJob's latest Job is still running (Argo CD: Progressing). */
export function cronJobRunning(
  release: Release,
  workload: CronJobWorkload,
  nowMs: number,
): boolean {
  const [latest] = cronJobRuns(release, workload, nowMs);
  return !!latest && latest.finishedMs > nowMs;
}

function batchContainer(release: Release, image: string) {
  return container(release, image, {
    ports: [],
    probes: false,
    args: ['run', '--until=yesterday'],
  });
}

/**
 * A nightly batch service: its CronJob and the Jobs of its last runs, each with its one pod —
 * `Succeeded` once the run is over, `Running` while it lasts.
 */
export function cronJobObjects(
  release: Release,
  workload: CronJobWorkload,
  cluster: string,
  nowMs: number,
): Record<string, Obj[]> {
  const name = release.service.name;
  const createdAt = release.history[release.history.length - 1].deployedAt;
  const current = release.history[0];
  const labels = releaseLabels(release);
  const runs = cronJobRuns(release, workload, nowMs);
  const jobs: Obj[] = [];
  const pods: Obj[] = [];
  for (const run of runs) {
    // The controller names a CronJob's Job after its scheduled minute.
    const jobName = `${name}-${Math.floor(run.scheduledMs / 60_000)}`;
    const controllerUid = objectUid(release, cluster, jobName);
    const jobLabels = {
      'batch.kubernetes.io/controller-uid': controllerUid,
      'batch.kubernetes.io/job-name': jobName,
      'controller-uid': controllerUid,
      'job-name': jobName,
    };
    const image = imageOf(release, run.deploy);
    const done = run.finishedMs <= nowMs;
    const startedMs = run.scheduledMs + 1_000;
    const podContainer = batchContainer(release, image);
    const podSpec = {
      containers: [podContainer],
      restartPolicy: 'OnFailure',
      terminationGracePeriodSeconds: 30,
    };
    const complete = (type: string) => ({
      type,
      status: 'True',
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
      lastProbeTime: iso(run.finishedMs),
      lastTransitionTime: iso(run.finishedMs),
    });
    jobs.push({
      metadata: metadata(release, cluster, jobName, startedMs, {
        generation: 1,
        labels: jobLabels,
        annotations: {
          'batch.kubernetes.io/cronjob-scheduled-timestamp': iso(
            run.scheduledMs,
          ),
        },
        ownerReferences: [
          controllerRef(release, cluster, 'batch/v1', 'CronJob', name),
        ],
      }),
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit: 2,
        completionMode: 'NonIndexed',
        suspend: false,
        manualSelector: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        selector: {
          matchLabels: { 'batch.kubernetes.io/controller-uid': controllerUid },
        },
        template: {
          metadata: { labels: { ...labels, ...jobLabels } },
          spec: podSpec,
        },
      },
      status: done
        ? {
            conditions: [complete('SuccessCriteriaMet'), complete('Complete')],
            startTime: iso(startedMs),
            completionTime: iso(run.finishedMs),
            succeeded: 1,
            ready: 0,
            terminating: 0,
            uncountedTerminatedPods: {},
          }
        : {
            startTime: iso(startedMs),
            active: 1,
            ready: 1,
            terminating: 0,
            uncountedTerminatedPods: {},
          },
    });
    pods.push(
      pod(
        release,
        cluster,
        {
          name: `${jobName}-${shortHash(5, jobName)}`,
          generateName: `${jobName}-`,
          labels: jobLabels,
          owner: { apiVersion: 'batch/v1', kind: 'Job', name: jobName },
          image,
          createdMs: startedMs,
          startedMs: startedMs + 7_000,
          finishedMs: run.finishedMs,
          state: done ? 'succeeded' : 'running',
          index: 0,
          container: podContainer,
          spec: podSpec,
        },
        nowMs,
      ),
    );
  }
  const [latest] = runs;
  const lastSuccess = runs.find(run => run.finishedMs <= nowMs);
  const cronJob = {
    metadata: metadata(release, cluster, name, createdAt, {
      generation: current.id,
    }),
    spec: {
      schedule: workload.schedule,
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      suspend: false,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { labels },
        spec: {
          backoffLimit: 2,
          template: {
            metadata: { labels },
            spec: {
              containers: [batchContainer(release, imageOf(release, current))],
              restartPolicy: 'OnFailure',
            },
          },
        },
      },
    },
    status: {
      ...(latest && latest.finishedMs > nowMs
        ? {
            active: [
              {
                kind: 'Job',
                namespace: release.namespace,
                name: jobs[0].metadata.name,
                uid: jobs[0].metadata.uid,
                apiVersion: 'batch/v1',
                resourceVersion: jobs[0].metadata.resourceVersion,
              },
            ],
          }
        : {}),
      ...(latest ? { lastScheduleTime: iso(latest.scheduledMs) } : {}),
      ...(lastSuccess
        ? { lastSuccessfulTime: iso(lastSuccess.finishedMs) }
        : {}),
    },
  };
  return { cronjobs: [cronJob], jobs, pods };
}
