/**
 * The portal's one way to call its upstreams (GitLab, Argo CD, Kubernetes, Datadog).
 *
 * @packageDocumentation
 */
export * from './upstreamServiceRef';
export * from './errors/UpstreamError';
export * from './errors/quoteValue';
export * from './annotations/boundedAnnotationValue';
export * from './cache/UpstreamCache';
export * from './cache/SingleFlight';
export * from './cache/TolerantCache';
export * from './config/argocdInstances';
export * from './config/datadogConnection';
export * from './config/gitlabInstances';
export * from './config/kubernetesClusters';
export * from './config/readUpstreamSettings';
export * from './gate/UpstreamRateGate';
export * from './http/UpstreamHttp';
export * from './http/tls';
export * from './outcomes/UpstreamOutcomes';
export * from './gitlab/GitlabClient';
export * from './argocd/ArgoCdClient';
export * from './kubernetes/KubernetesObjectsClient';
export * from './kubernetes/kubernetesKinds';
export * from './kubernetes/LabelSelectorBatcher';
