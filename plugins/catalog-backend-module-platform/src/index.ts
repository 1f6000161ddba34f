/**
 * Catalog backend module of the platform portal.
 *
 * @packageDocumentation
 */
export { catalogModulePlatform as default } from './module';
export { FilePerLocationProcessor } from './processors/FilePerLocationProcessor';
export { PlatformKindsProcessor } from './kinds/PlatformKindsProcessor';
