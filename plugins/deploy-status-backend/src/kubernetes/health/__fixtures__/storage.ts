import { ApiObject, LATER, objectMeta, variant } from './apiObject';

/* PersistentVolumeClaims as the API server answers them. */

const bound: ApiObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: objectMeta('data-checkout-db-0', {
    annotations: {
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/selected-node': 'kind-worker',
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    },
    finalizers: ['kubernetes.io/pvc-protection'],
  }),
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '10Gi' } },
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    volumeName: 'pvc-3f0b7c52-2d7e-4a8e-9d4b-5f2a6c1e8b90',
  },
  status: {
    accessModes: ['ReadWriteOnce'],
    capacity: { storage: '10Gi' },
    phase: 'Bound',
  },
};

export const persistentVolumeClaims = {
  bound,
  pendingWaitForFirstConsumer: variant(bound, p => {
    p.metadata.name = 'data-checkout-cache-0';
    delete p.metadata.annotations;
    delete p.spec.volumeName;
    p.status = { phase: 'Pending' };
  }),
  lost: variant(bound, p => {
    p.status = {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '10Gi' },
      phase: 'Lost',
    };
  }),
  resizing: variant(bound, p => {
    p.status.conditions = [
      {
        lastProbeTime: null,
        lastTransitionTime: LATER,
        message:
          'Waiting for user to (re-)start a pod to finish file system resize of volume on node.',
        status: 'True',
        type: 'FileSystemResizePending',
      },
    ];
  }),
} satisfies Record<string, ApiObject>;
