import {
  FakeSlo,
  fakeSlo,
} from '@internal/plugin-datadog-slo-backend/testUtils';
import { SandboxWorld } from '../world/buildWorld';
import { ExampleService } from '../world/readExamples';

/**
 * Two SLOs per example service that has an SLO query (availability, a metric SLO; p99 latency, a
 * time-slice SLO), tagged with the query's tags and `env:production`. The service whose rollout is
 * degraded in production breaches its availability SLO; the crash-looping one is in warning on
 * latency; the rest are healthy, at slightly different levels.
 */
export function datadogSlos(
  services: ExampleService[],
  world: SandboxWorld,
): FakeSlo[] {
  return services
    .filter(s => s.sloQuery)
    .flatMap((service, index) => {
      const tags = [
        ...service
          .sloQuery!.split(/\s+AND\s+|\s+/)
          .filter(t => t.includes(':')),
        'env:production',
        `team:${service.owner}`,
      ];
      const breached = service.name === world.troubled.degradedRollout;
      const warning = service.name === world.troubled.crashLoop;
      return [
        fakeSlo(`${service.name}-availability`, {
          name: `${service.title} availability`,
          tags,
          sli: breached ? 99.5 : 99.95 + (index % 4) * 0.01,
          state: breached ? 'breached' : 'ok',
        }),
        fakeSlo(`${service.name}-latency`, {
          name: `${service.title} p99 latency under 300 ms`,
          type: 'time_slice',
          tags,
          sli: warning ? 99.92 : 99.97,
          state: warning ? 'warning' : 'ok',
        }),
      ];
    });
}
