import { ArgoCdApplicationStatus } from '@internal/plugin-deploy-status-common';
import { promotionLag } from './promotionLag';
import { rollupEnvironment } from './rollupEnvironment';

const app = (
  health: ArgoCdApplicationStatus['health'],
  syncStatus = 'Synced',
): ArgoCdApplicationStatus => ({
  name: 'checkout-api-staging',
  instance: 'staging',
  project: 'default',
  syncStatus,
  health,
  automated: true,
  history: [],
});
const argo = (...applications: ArgoCdApplicationStatus[]) => ({
  state: 'ok' as const,
  data: { applications },
});
const emptyCluster = {
  cluster: 'staging-eu-1',
  state: 'ok' as const,
  data: {
    resources: [],
    pods: { total: 0, ready: 0, restarts: 0 },
    podsNotReady: [],
    notes: [],
  },
};
const kubernetes = (...clusters: any[]) => ({
  state: 'ok' as const,
  data: { clusters },
});
const failed = { state: 'error' as const, message: 'timed out' };
const notConfigured = {
  state: 'not-configured' as const,
  message: 'no annotation',
};

describe('rollupEnvironment', () => {
  it('takes the worst health and explains it first', () => {
    const rollup = rollupEnvironment(
      argo(app('Progressing', 'OutOfSync')),
      kubernetes({
        ...emptyCluster,
        data: {
          ...emptyCluster.data,
          resources: [
            {
              kind: 'Deployment',
              name: 'checkout-api',
              namespace: 'checkout',
              health: 'Degraded',
              message:
                'Deployment "checkout-api" exceeded its progress deadline',
            },
          ],
        },
      }),
    );
    expect(rollup.health).toBe('Degraded');
    expect(rollup.healthReasons[0]).toBe(
      'Deployment checkout-api on staging-eu-1 is Degraded: Deployment "checkout-api" exceeded its progress deadline',
    );
    expect(rollup.healthReasons).toContain(
      'Argo CD checkout-api-staging is OutOfSync',
    );
  });

  it('gives pods that are not serving as reasons, never as a verdict of their own (as Argo CD)', () => {
    const rollup = rollupEnvironment(
      notConfigured,
      kubernetes({
        ...emptyCluster,
        data: {
          ...emptyCluster.data,
          resources: [
            {
              kind: 'Deployment',
              name: 'checkout-api',
              namespace: 'checkout',
              health: 'Progressing',
              message:
                'Waiting for rollout to finish: 0 of 1 updated replicas are available...',
            },
          ],
          podsNotReady: [
            { name: 'p', namespace: 'n', reason: 'OOMKilled', restarts: 3 },
          ],
        },
      }),
    );
    expect(rollup.health).toBe('Progressing');
    // The verdict's own reason explains the health; the pod's comes after it.
    expect(rollup.healthReasons).toEqual([
      'Deployment checkout-api on staging-eu-1 is Progressing: Waiting for rollout to finish: 0 of 1 updated replicas are available...',
      'Pod p on staging-eu-1: OOMKilled (3 restarts)',
    ]);
  });

  it('counts a kind Argo CD does not assess as present, not unhealthy', () => {
    const rollup = rollupEnvironment(
      notConfigured,
      kubernetes({
        ...emptyCluster,
        data: {
          ...emptyCluster.data,
          resources: [{ kind: 'ConfigMap', name: 'c', namespace: 'n' }],
        },
      }),
    );
    expect(rollup).toEqual({
      health: 'Healthy',
      healthReasons: [],
      unknownSources: [],
    });
  });

  it('keeps out-of-sync apart from health, as Argo CD does', () => {
    expect(
      rollupEnvironment(argo(app('Healthy', 'OutOfSync')), notConfigured)
        .health,
    ).toBe('Healthy');
  });

  it('rolls up what answered and lists the sources that did not', () => {
    const rollup = rollupEnvironment(argo(app('Healthy')), failed);
    expect(rollup).toEqual({
      health: 'Healthy',
      healthReasons: [],
      unknownSources: ['kubernetes'],
    });
  });

  it('is Unknown when nothing answered, Missing when the answers found nothing', () => {
    expect(rollupEnvironment(failed, failed).health).toBe('Unknown');
    expect(rollupEnvironment(argo(), kubernetes(emptyCluster))).toEqual({
      health: 'Missing',
      healthReasons: ['Nothing of this service runs here'],
      unknownSources: [],
    });
  });
});

describe('promotionLag', () => {
  const commits = ['e', 'd', 'c', 'b', 'a'].map((sha, i) => ({
    sha: sha.repeat(40),
    shortSha: sha.repeat(8),
    title: `commit ${sha}`,
    authorName: 'Ada',
    committedAt: `2026-11-2${5 - i}T10:00:00Z`,
  }));
  const behind = 'environment:default/staging';

  it('counts the commits between and dates the oldest one missing', () => {
    expect(
      promotionLag({
        behind,
        revision: 'b'.repeat(40),
        lowerRevision: 'e'.repeat(40),
        commits,
      }),
    ).toEqual({ behind, commits: 3, since: '2026-11-23T10:00:00Z' });
  });

  it('is zero when the same or a newer revision runs', () => {
    const same = { behind, commits, revision: 'c'.repeat(40) };
    expect(
      promotionLag({ ...same, lowerRevision: 'c'.repeat(8) }).commits,
    ).toBe(0);
    expect(
      promotionLag({ ...same, lowerRevision: 'a'.repeat(40) }).commits,
    ).toBe(0);
  });

  it('says so when a revision is older than the commits read', () => {
    expect(
      promotionLag({
        behind,
        revision: 'f'.repeat(40),
        lowerRevision: 'e'.repeat(40),
        commits,
      }),
    ).toEqual({
      behind,
      message:
        'revision ffffffff is not among the last 5 commits of the default branch',
    });
  });
});
