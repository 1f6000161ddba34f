export interface Config {
  permission?: {
    /** The portal's permissions service (@internal/permission-node-platform). */
    platform?: {
      /**
       * How long, in seconds, a signed-in user's permission decision is reused for the same
       * request and token, instead of asking the permission backend again. A policy that reads
       * changing data sees a change up to this much later. Default: 5, at most 60; 0 turns the
       * reuse off.
       */
      decisionCacheSeconds?: number;
    };
  };
}
