import { Config } from '@backstage/config';

/** An Argo CD instance of `argocd.appLocatorMethods` (type `config`), as Roadie's plugin reads it. */
export interface ArgoCdInstance {
  name: string;
  url: string;
  /** Bearer token; stays in the backend. */
  token?: string;
}

export function argocdInstances(config: Config): ArgoCdInstance[] {
  return (config.getOptionalConfigArray('argocd.appLocatorMethods') ?? [])
    .filter(method => method.getString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('instances') ?? [])
    .map(instance => ({
      name: instance.getString('name'),
      url: instance.getString('url').replace(/\/+$/, ''),
      token: instance.getOptionalString('token'),
    }));
}
