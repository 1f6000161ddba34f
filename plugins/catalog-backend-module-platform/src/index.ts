/**
 * Catalog backend modules of the platform portal; the default export adds them all.
 *
 * @packageDocumentation
 */
export { catalogModulePlatform as default } from './module';
export { catalogModuleEntityListCoalescing } from './http/catalogModuleEntityListCoalescing';
export { catalogModuleFilePerLocation } from './processors/catalogModuleFilePerLocation';
export { catalogModulePlatformFindings } from './findings/catalogModulePlatformFindings';
export { catalogModulePlatformKinds } from './kinds/catalogModulePlatformKinds';
export { catalogModuleTableStatistics } from './maintenance/catalogModuleTableStatistics';
export { catalogModuleGitlabDiscoveryGuard } from './gitlab/catalogModuleGitlabDiscoveryGuard';
export { catalogModulePlatformTrust } from './trust/catalogModulePlatformTrust';
export { CatalogTrustProcessor } from './trust/CatalogTrustProcessor';
export { readCatalogTrust } from './trust/catalogTrust';
export type { CatalogTrust, OrganisationImport } from './trust/catalogTrust';
export type { OrganisationImportInfo } from './trust/organisationRouter';
export { FilePerLocationProcessor } from './processors/FilePerLocationProcessor';
export { PlatformKindsProcessor } from './kinds/PlatformKindsProcessor';
