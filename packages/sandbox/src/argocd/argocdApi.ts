import { SandboxClock } from '../world/clock';
import { SandboxWorld } from '../world/buildWorld';
import { JsonAnswer, JsonHandler } from '../http/jsonServer';
import { parseLabelSelector } from '../kubernetes/labelSelector';
import { argocdApplication } from './argocdApplications';
import { deliveredApplication } from './deliveredApplications';
import { Delivery } from '../gitlab/gitlabApi';

/** Argo CD's (grpc-gateway) error body: a gRPC code and the message twice. */
function error(status: number, code: number, message: string): JsonAnswer {
  return { status, body: { error: message, code, message } };
}

const PATH =
  /^\/instances\/([^/]+)\/api\/(version|v1\/applications(?:\/([^/]+)(?:\/revisions\/([^/]+)\/metadata)?)?)$/;

/**
 * The Argo CD REST API of every instance the example environments name, one path prefix per
 * instance (`/instances/<name>`): applications (list with `selector`, one by name) and the commit
 * metadata of a revision, which the history card shows.
 */
export function argocdApi(options: {
  world: SandboxWorld;
  clock: SandboxClock;
  token: string;
  /** Pushes to created projects, which the delivery environment's instance syncs automatically. */
  deliveries?: () => Delivery[];
}): JsonHandler {
  const first = options.world.deliveryEnvironment;
  const applications = (instance: string) => [
    ...options.world.releases
      .filter(r => r.environment.argocdInstance === instance)
      .flatMap(r =>
        // One application per cluster; one to Argo CD's own cluster when the catalog names none.
        (r.environment.clusters.length > 0
          ? r.environment.clusters
          : [undefined]
        ).map(cluster => ({
          history: r.history,
          app: argocdApplication(r, cluster, options.clock.now()),
        })),
      ),
    ...(first && first.argocdInstance === instance && options.deliveries
      ? options.deliveries().map(delivery => ({
          history: [
            {
              revision: delivery.sha,
              author: delivery.author,
              message: delivery.message,
              deployedAt: delivery.readyAt,
              committedAt: delivery.committedAt,
            },
            ...delivery.earlier,
          ],
          app: deliveredApplication(delivery, first, options.clock.now()),
        }))
      : []),
  ];
  const instances = new Set(
    options.world.releases.flatMap(r => r.environment.argocdInstance ?? []),
  );
  return ({ method, path, query, headers }) => {
    if (headers.authorization !== `Bearer ${options.token}`) {
      return error(401, 16, 'invalid session: token signature is invalid');
    }
    const match = path.match(PATH);
    if (!match || method !== 'GET' || !instances.has(match[1])) {
      return error(404, 5, 'Not Found');
    }
    const [, instance, what, name, revision] = match;
    if (what === 'version') {
      return { status: 200, body: { Version: 'v3.1.0+sandbox' } };
    }
    const all = applications(instance);
    if (!name) {
      const selects = parseLabelSelector(query.get('selector') ?? undefined);
      // `projects` is the API's field; `project` its older alias, still accepted by Argo CD.
      const projects = [
        ...query.getAll('projects'),
        ...query.getAll('project'),
      ];
      const items = all
        .map(a => a.app)
        .filter(app => selects(app.metadata.labels))
        .filter(
          app => projects.length === 0 || projects.includes(app.spec.project),
        );
      return {
        status: 200,
        body: { metadata: { resourceVersion: '3000' }, items },
      };
    }
    const found = all.find(a => a.app.metadata.name === name);
    if (!found) {
      return error(404, 5, `applications.argoproj.io "${name}" not found`);
    }
    if (!revision) {
      return { status: 200, body: found.app };
    }
    const deploy = found.history.find(d => d.revision === revision);
    if (!deploy) {
      return error(404, 5, `revision ${revision} not found`);
    }
    return {
      status: 200,
      body: {
        author: `${deploy.author} <${deploy.author
          .toLowerCase()
          .replace(/ /g, '.')}@example.com>`,
        // A pushed revision's own commit time; the world's commits were made an hour before
        // they were deployed.
        date: new Date(
          deploy.committedAt ?? deploy.deployedAt - 3_600_000,
        ).toISOString(),
        message: deploy.message,
        tags: [],
      },
    };
  };
}
