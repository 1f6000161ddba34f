import { ApiObject, CREATED, LATER, objectMeta, variant } from './apiObject';

/*
 * Argo Rollouts Rollouts and Argo CD Applications as the API server answers them. Rollouts
 * from Argo Rollouts v1.0 on carry the controller's own `status.phase`; the ones without a phase
 * are as older controllers (v0.10, and v0.9 with a hash as observedGeneration) left them, for the
 * rules Argo CD's check keeps for those.
 */

const LABELS = { 'app.kubernetes.io/name': 'checkout-api' };
const HASH = '7d9f8b6c5d';
const OLD_HASH = '5c8d7f9b4';

const template = {
  metadata: { labels: LABELS },
  spec: {
    containers: [
      {
        name: 'api',
        image: 'registry.example.com/checkout/api:1.4.2',
        ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
        resources: { requests: { cpu: '100m', memory: '128Mi' } },
      },
    ],
  },
};

function rolloutCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
) {
  return {
    lastTransitionTime: CREATED,
    lastUpdateTime: LATER,
    message,
    reason,
    status,
    type,
  };
}

const available = rolloutCondition(
  'Available',
  'True',
  'AvailableReason',
  'Rollout has minimum availability',
);
const progressing = rolloutCondition(
  'Progressing',
  'True',
  'NewReplicaSetAvailable',
  `ReplicaSet "checkout-api-${HASH}" has successfully progressed.`,
);
const healthyCondition = rolloutCondition(
  'Healthy',
  'True',
  'RolloutHealthy',
  'Rollout is healthy',
);

const canaryHealthy: ApiObject = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: objectMeta('checkout-api', { generation: 4 }),
  spec: {
    replicas: 3,
    revisionHistoryLimit: 5,
    selector: { matchLabels: LABELS },
    strategy: {
      canary: {
        canaryService: 'checkout-api-canary',
        stableService: 'checkout-api-stable',
        steps: [
          { setWeight: 20 },
          { pause: { duration: '5m' } },
          { setWeight: 60 },
        ],
      },
    },
    template,
  },
  status: {
    HPAReplicas: 3,
    availableReplicas: 3,
    blueGreen: {},
    canary: {},
    conditions: [available, progressing, healthyCondition],
    currentPodHash: HASH,
    currentStepHash: '6c8b5f7d9',
    currentStepIndex: 3,
    observedGeneration: '4',
    phase: 'Healthy',
    readyReplicas: 3,
    replicas: 3,
    selector: 'app.kubernetes.io/name=checkout-api',
    stableRS: HASH,
    updatedReplicas: 3,
  },
};

/** The same Rollout as an Argo Rollouts controller before v1.0 left it: no phase. */
const legacyCanaryHealthy = variant(canaryHealthy, r => {
  delete r.status.phase;
  r.status.conditions = [available, progressing];
});

const blueGreenHealthy = variant(legacyCanaryHealthy, r => {
  r.metadata.name = 'checkout-api-bg';
  r.spec.strategy = {
    blueGreen: {
      activeService: 'checkout-api-active',
      previewService: 'checkout-api-preview',
      autoPromotionEnabled: false,
    },
  };
  r.status.blueGreen = { activeSelector: HASH, previewSelector: HASH };
  delete r.status.currentStepHash;
  delete r.status.currentStepIndex;
});

export const rollouts = {
  // generation and workload generation
  justCreated: variant(canaryHealthy, r => {
    r.metadata.generation = 1;
    delete r.status;
  }),
  generationNotObserved: variant(canaryHealthy, r => {
    r.metadata.generation = 5;
  }),
  workloadGenerationNotObserved: variant(canaryHealthy, r => {
    r.metadata.annotations = { 'rollout.argoproj.io/workload-generation': '3' };
    delete r.spec.template;
    r.spec.workloadRef = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'checkout-api',
    };
    r.status.workloadObservedGeneration = '2';
  }),
  workloadGenerationObserved: variant(canaryHealthy, r => {
    r.metadata.annotations = { 'rollout.argoproj.io/workload-generation': '3' };
    delete r.spec.template;
    r.spec.workloadRef = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'checkout-api',
    };
    r.status.workloadObservedGeneration = '3';
  }),

  // Argo Rollouts v1.0 and later: the controller's phase
  healthy: canaryHealthy,
  paused: variant(canaryHealthy, r => {
    r.status.phase = 'Paused';
    r.status.message = 'CanaryPauseStep';
    r.status.controllerPause = true;
    r.status.pauseConditions = [
      { reason: 'CanaryPauseStep', startTime: LATER },
    ];
    r.status.currentStepIndex = 1;
    r.status.stableRS = OLD_HASH;
  }),
  progressing: variant(canaryHealthy, r => {
    r.status.phase = 'Progressing';
    r.status.message = 'more replicas need to be updated';
    r.status.updatedReplicas = 1;
    r.status.stableRS = OLD_HASH;
  }),
  degraded: variant(canaryHealthy, r => {
    r.status.phase = 'Degraded';
    r.status.message = 'RolloutAborted: Rollout aborted update to revision 5';
    r.status.abort = true;
  }),
  phaseNotAHealth: variant(canaryHealthy, r => {
    r.status.phase = 'Terminating';
  }),

  // older controllers: no phase
  legacyHashObservedGeneration: variant(legacyCanaryHealthy, r => {
    r.status.observedGeneration = '6b8cf6f7db';
  }),
  legacyInvalidSpec: variant(legacyCanaryHealthy, r => {
    r.status.conditions = [
      rolloutCondition(
        'InvalidSpec',
        'True',
        'InvalidSpec',
        'The Rollout "checkout-api" is invalid: spec.strategy.strategy: Required value: Rollout has missing field \'.spec.strategy.canary or .spec.strategy.blueGreen\'',
      ),
    ];
  }),
  legacyAborted: variant(legacyCanaryHealthy, r => {
    r.status.abort = true;
    r.status.conditions = [
      available,
      rolloutCondition(
        'Progressing',
        'False',
        'RolloutAborted',
        'Rollout is aborted',
      ),
    ];
  }),
  legacyProgressDeadlineExceeded: variant(legacyCanaryHealthy, r => {
    r.status.conditions = [
      available,
      rolloutCondition(
        'Progressing',
        'False',
        'ProgressDeadlineExceeded',
        `ReplicaSet "checkout-api-${HASH}" has timed out progressing.`,
      ),
    ];
  }),
  legacyPauseCondition: variant(legacyCanaryHealthy, r => {
    r.status.pauseConditions = [
      { reason: 'CanaryPauseStep', startTime: LATER },
    ];
    r.status.controllerPause = true;
  }),
  legacyUserPause: variant(legacyCanaryHealthy, r => {
    r.spec.paused = true;
  }),
  legacyNotReconciled: variant(legacyCanaryHealthy, r => {
    delete r.status.currentPodHash;
  }),
  legacyUpdatingReplicas: variant(legacyCanaryHealthy, r => {
    r.status.updatedReplicas = 1;
    r.status.stableRS = OLD_HASH;
  }),
  legacyUpdatedNotAvailable: variant(legacyCanaryHealthy, r => {
    r.status.availableReplicas = 2;
    r.status.stableRS = OLD_HASH;
  }),
  legacyCanaryOldReplicas: variant(legacyCanaryHealthy, r => {
    r.status.replicas = 4;
    r.status.stableRS = OLD_HASH;
  }),
  legacyCanaryStepsLeft: variant(legacyCanaryHealthy, r => {
    r.status.stableRS = OLD_HASH;
    r.status.currentStepIndex = 1;
  }),
  legacyCanaryHealthy,
  legacyBlueGreenCutoverPending: variant(blueGreenHealthy, r => {
    r.status.blueGreen = { activeSelector: OLD_HASH, previewSelector: HASH };
    r.status.stableRS = OLD_HASH;
  }),
  legacyBlueGreenAnalysisRunning: variant(blueGreenHealthy, r => {
    r.status.stableRS = OLD_HASH;
  }),
  legacyBlueGreenHealthy: blueGreenHealthy,
  legacyWithoutConditions: variant(legacyCanaryHealthy, r => {
    delete r.status.conditions;
  }),
} satisfies Record<string, ApiObject>;

const applicationHealthy: ApiObject = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: objectMeta(
    'checkout-api-production',
    {
      generation: 12,
      namespace: 'argocd',
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    true,
  ),
  spec: {
    destination: {
      namespace: 'checkout',
      server: 'https://kubernetes.default.svc',
    },
    project: 'checkout',
    source: {
      path: 'deploy/overlays/production',
      repoURL: 'https://gitlab.example.com/checkout/api.git',
      targetRevision: 'main',
    },
    syncPolicy: { automated: { prune: true, selfHeal: true } },
  },
  status: {
    health: { lastTransitionTime: LATER, status: 'Healthy' },
    reconciledAt: LATER,
    sourceType: 'Kustomize',
    sync: {
      comparedTo: {
        destination: {
          namespace: 'checkout',
          server: 'https://kubernetes.default.svc',
        },
        source: {
          path: 'deploy/overlays/production',
          repoURL: 'https://gitlab.example.com/checkout/api.git',
          targetRevision: 'main',
        },
      },
      revision: '4f7c2d1e9a8b6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
      status: 'Synced',
    },
  },
};

export const applications = {
  healthy: applicationHealthy,
  degraded: variant(applicationHealthy, a => {
    a.status.health = {
      lastTransitionTime: LATER,
      message: 'Deployment "checkout-api" exceeded its progress deadline',
      status: 'Degraded',
    };
  }),
  suspended: variant(applicationHealthy, a => {
    a.status.health = { lastTransitionTime: LATER, status: 'Suspended' };
  }),
  missing: variant(applicationHealthy, a => {
    a.status.health = { lastTransitionTime: LATER, status: 'Missing' };
    a.status.sync.status = 'OutOfSync';
  }),
  justCreated: variant(applicationHealthy, a => {
    a.metadata.generation = 1;
    delete a.status;
  }),
  withoutHealth: variant(applicationHealthy, a => {
    delete a.status.health;
  }),
  healthWithoutStatus: variant(applicationHealthy, a => {
    a.status.health = { lastTransitionTime: LATER };
  }),
} satisfies Record<string, ApiObject>;
