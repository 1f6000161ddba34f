export interface Config {
  catalog?: {
    /** The portal's catalog module (@internal/plugin-catalog-backend-module-platform). */
    platform?: {
      /**
       * How often, in seconds, relations to entities that do not exist are looked for. A missing
       * target is reported on its entity after two checks in a row found it. Default: 60.
       */
      missingTargetCheckSeconds?: number;
      /**
       * The platform's repositories: location references (`url:...`, `file:...`) whose catalog
       * files may define Templates, Environments and Locations that point at other files. An
       * entry ending in `/` covers every location under it, any other entry that one location.
       * An entity is judged by its origin (`backstage.io/managed-by-origin-location`). The
       * portal's own `catalog.locations` may define every kind without being listed here.
       * Default: none.
       */
      trustedLocations?: string[];
    };
  };
}
