import { FleetUpstreamRequests } from '@internal/plugin-deploy-status-common';

/** Counts a refresh's upstream requests where the fleet sends them. */
export class FleetRequestCounter {
  argocd = 0;
  kubernetes = 0;
  alone = 0;

  summary(): FleetUpstreamRequests {
    return {
      total: this.argocd + this.kubernetes + this.alone,
      argocd: this.argocd,
      kubernetes: this.kubernetes,
      alone: this.alone,
    };
  }
}
