export {
  argocdUpstreamGate,
  gitlabUpstreamGate,
  kubernetesUpstreamGate,
} from './upstreamGateModules';
