export interface Config {
  scaffolder?: {
    platform?: {
      /**
       * Repository hosts the portal publishes to, e.g. `gitlab.example.com`. The backend's
       * `platform:check-request` refuses any other host (declared, with its other keys, in
       * `@internal/plugin-scaffolder-backend-module-platform`); the form's
       * `PlatformRepoUrlPicker` offers only these hosts, so it is sent to the browser.
       * @default the hosts of `integrations.gitlab`
       * @visibility frontend
       */
      allowedHosts?: string[];
    };
  };
}
