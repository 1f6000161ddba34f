/**
 * The portal's scaffolder actions (`platform:check-request`, `platform:validate`,
 * `platform:catalog:register`), and the workspace validation as a library for the template
 * test harness.
 *
 * @packageDocumentation
 */
export { scaffolderModulePlatform as default } from './module';
export {
  validateWorkspace,
  inspectWorkspace,
  type WorkspaceValidationDeps,
  type WorkspaceInspection,
} from './workspace/validateWorkspace';
export {
  type WorkspaceProblem,
  formatWorkspaceProblem,
} from './workspace/types';
export { GitlabCiSchema, GITLAB_CI_SCHEMA_KEY } from './workspace/ciSchema';
export { KubernetesSchemas } from './workspace/kubernetes/kubernetesSchemas';
export {
  type CatalogEntityValidator,
  type EntityValidationResult,
} from './workspace/catalogInfo';
export { nameProblems } from './request/nameRules';
