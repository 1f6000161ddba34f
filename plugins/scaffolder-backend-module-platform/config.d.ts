export interface Config {
  scaffolder?: {
    /** The portal's own scaffolder actions (`platform:*`). */
    platform?: {
      /**
       * Repository hosts `platform:check-request` accepts in a `repoUrl` (`host?owner=x&repo=y`),
       * e.g. `gitlab.example.com`. The form's `PlatformRepoUrlPicker` offers the same hosts
       * (plugins/scaffolder-platform, whose config.d.ts sends this key to the browser); a
       * form restricts only the browser, this is the server-side check.
       * @default the hosts of `integrations.gitlab`
       */
      allowedHosts?: string[];
      /** What `platform:validate` checks a rendered workspace against. */
      validation?: {
        /**
         * Path of GitLab's CI JSON Schema (`ci.json` from gitlab-org/gitlab,
         * app/assets/javascripts/editor/schema/ci.json), relative to the backend's working
         * directory. GitLab does not publish it as a package, so it is configuration. Unset or
         * missing, the backend still starts and `platform:validate` fails `.gitlab-ci.yml` with a
         * message naming this key.
         */
        gitlabCiSchema?: string;
        /**
         * Kubernetes kinds `platform:validate` accepts without a schema, as `<apiVersion>/<kind>`
         * (e.g. `monitoring.coreos.com/v1/ServiceMonitor`). Any other kind without a built-in
         * schema is reported as a problem.
         * @default []
         */
        kubernetesKindsWithoutSchema?: string[];
      };
    };
  };
}
