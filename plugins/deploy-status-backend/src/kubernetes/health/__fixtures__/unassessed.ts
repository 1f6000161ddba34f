import { ApiObject, LATER, objectMeta } from './apiObject';

/* Core objects Argo CD has no health check for. */

export const unassessed = {
  configMap: {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta('checkout-api-config'),
    data: { 'application.yaml': 'server:\n  port: 8080\n' },
  },
  secret: {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: objectMeta('checkout-db'),
    data: { password: 'c2VjcmV0' },
    type: 'Opaque',
  },
  serviceAccount: {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: objectMeta('checkout-api'),
  },
  configMapBeingDeleted: {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta('checkout-api-config-old', {
      deletionTimestamp: LATER,
      deletionGracePeriodSeconds: 0,
      finalizers: ['example.com/keep-until-migrated'],
    }),
    data: { 'application.yaml': 'server:\n  port: 8080\n' },
  },
} satisfies Record<string, ApiObject>;
