/**
 * The portal's catalog model, shared by backend and frontend.
 *
 * @packageDocumentation
 */
export { PLATFORM_API_VERSION } from './apiVersion';
export * from './relations';
export {
  type PipelineEntity,
  pipelineEntitySchema,
  isPipelineEntity,
} from './kinds/PipelineEntity';
export {
  type EnvironmentEntity,
  environmentEntitySchema,
  isEnvironmentEntity,
} from './kinds/EnvironmentEntity';
export * from './annotations';
export * from './kubernetesLabels';
