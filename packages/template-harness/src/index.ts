/**
 * The template test harness: renders golden-path templates through the real scaffolder backend's
 * dry run, validates what they render and compares it with committed snapshots. The harness
 * itself is `src/templates.test.ts`; these are its parts, for benchmarks and other tests.
 *
 * @packageDocumentation
 */
export { startHarnessBackend } from './startHarnessBackend';
export {
  discoverTemplates,
  type DiscoveredTemplate,
  type FixtureCase,
  type TemplateEntity,
} from './discoverTemplates';
export {
  dryRunTemplate,
  dryRunRequest,
  postDryRun,
  type RenderedTemplate,
} from './dryRunTemplate';
export { validateRenderedTree } from './validateRenderedTree';
export { ciExtendsFindings } from './ciTemplateExtends';
