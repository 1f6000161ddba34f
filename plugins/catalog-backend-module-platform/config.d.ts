export interface Config {
  catalog?: {
    /** The portal's catalog module (@internal/plugin-catalog-backend-module-platform). */
    platform?: {
      /**
       * How often, in seconds, relations to entities that do not exist are looked for. A missing
       * target is reported on its entity after two checks in a row found it. Default: 60.
       */
      missingTargetCheckSeconds?: number;
    };
  };
}
