import { ApiObject, CREATED, LATER, objectMeta, variant } from './apiObject';

/* Jobs and CronJobs as the API server answers them. */

const IMAGE = 'registry.example.com/checkout/report:1.4.2';

function jobTemplate(labels: Record<string, string>) {
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: 'report',
          image: IMAGE,
          imagePullPolicy: 'IfNotPresent',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Never',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  };
}

const CONTROLLER_UID = '6f1c2a4e-93b7-4c1d-8e5a-00000000a001';
const JOB_LABELS = {
  'batch.kubernetes.io/controller-uid': CONTROLLER_UID,
  'batch.kubernetes.io/job-name': 'checkout-report',
  'controller-uid': CONTROLLER_UID,
  'job-name': 'checkout-report',
};

function jobCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
) {
  return {
    lastProbeTime: LATER,
    lastTransitionTime: LATER,
    message,
    reason,
    status,
    type,
  };
}

const jobRunning: ApiObject = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: objectMeta('checkout-report', {
    generation: 1,
    labels: { ...JOB_LABELS, 'app.kubernetes.io/name': 'checkout-report' },
  }),
  spec: {
    backoffLimit: 6,
    completionMode: 'NonIndexed',
    completions: 1,
    manualSelector: false,
    parallelism: 1,
    podReplacementPolicy: 'TerminatingOrFailed',
    selector: {
      matchLabels: { 'batch.kubernetes.io/controller-uid': CONTROLLER_UID },
    },
    suspend: false,
    template: jobTemplate(JOB_LABELS),
  },
  status: {
    active: 1,
    ready: 1,
    startTime: CREATED,
    terminating: 0,
    uncountedTerminatedPods: {},
  },
};

export const jobs = {
  running: jobRunning,
  complete: variant(jobRunning, j => {
    j.status = {
      completionTime: LATER,
      conditions: [
        jobCondition(
          'SuccessCriteriaMet',
          'True',
          'CompletionsReached',
          'Reached expected number of succeeded pods',
        ),
        jobCondition(
          'Complete',
          'True',
          'CompletionsReached',
          'Reached expected number of succeeded pods',
        ),
      ],
      ready: 0,
      startTime: CREATED,
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
    };
  }),
  failed: variant(jobRunning, j => {
    j.status = {
      conditions: [
        jobCondition(
          'FailureTarget',
          'True',
          'BackoffLimitExceeded',
          'Job has reached the specified backoff limit',
        ),
        jobCondition(
          'Failed',
          'True',
          'BackoffLimitExceeded',
          'Job has reached the specified backoff limit',
        ),
      ],
      failed: 7,
      ready: 0,
      startTime: CREATED,
      terminating: 0,
      uncountedTerminatedPods: {},
    };
  }),
  suspended: variant(jobRunning, j => {
    j.spec.suspend = true;
    j.status = {
      conditions: [
        jobCondition('Suspended', 'True', 'JobSuspended', 'Job suspended'),
      ],
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    };
  }),
  suspendRequested: variant(jobRunning, j => {
    j.spec.suspend = true;
  }),
  resumed: variant(jobRunning, j => {
    j.status.conditions = [
      jobCondition('Suspended', 'False', 'JobResumed', 'Job resumed'),
    ];
  }),
} satisfies Record<string, ApiObject>;

const cronJobNeverRun: ApiObject = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: objectMeta('checkout-nightly-report', { generation: 1 }),
  spec: {
    concurrencyPolicy: 'Forbid',
    failedJobsHistoryLimit: 1,
    jobTemplate: {
      metadata: {},
      spec: { backoffLimit: 2, template: jobTemplate({}) },
    },
    schedule: '0 2 * * *',
    successfulJobsHistoryLimit: 3,
    suspend: false,
    timeZone: 'Europe/Berlin',
  },
  status: {},
};

const activeJob = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  name: 'checkout-nightly-report-29684280',
  namespace: 'checkout',
  resourceVersion: '5120',
  uid: '6f1c2a4e-93b7-4c1d-8e5a-00000000c001',
};

export const cronJobs = {
  neverRun: cronJobNeverRun,
  running: variant(cronJobNeverRun, c => {
    c.status = {
      active: [activeJob],
      lastScheduleTime: '2026-06-16T00:00:00Z',
      lastSuccessfulTime: '2026-06-15T00:04:12Z',
    };
  }),
  lastRunSucceeded: variant(cronJobNeverRun, c => {
    c.status = {
      lastScheduleTime: '2026-06-16T00:00:00Z',
      lastSuccessfulTime: '2026-06-16T00:03:48Z',
    };
  }),
  lastRunFailed: variant(cronJobNeverRun, c => {
    c.status = {
      lastScheduleTime: '2026-06-16T00:00:00Z',
      lastSuccessfulTime: '2026-06-15T00:04:12Z',
    };
  }),
  neverSucceeded: variant(cronJobNeverRun, c => {
    c.status = { lastScheduleTime: '2026-06-16T00:00:00Z' };
  }),
  suspended: variant(cronJobNeverRun, c => {
    c.spec.suspend = true;
  }),
} satisfies Record<string, ApiObject>;
