/** Where the SLO views appear. Filter predicate values compare case-insensitively. */

/** Services are the entities with SLOs. */
export const isService = { kind: 'component', 'spec.type': 'service' };

/** Systems roll up their components, groups what they own. */
export const isSystemOrGroup = { kind: { $in: ['system', 'group'] } };
