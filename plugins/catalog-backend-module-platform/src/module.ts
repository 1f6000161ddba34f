import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { catalogModuleEntityListCoalescing } from './http/catalogModuleEntityListCoalescing';
import { catalogModuleFilePerLocation } from './processors/catalogModuleFilePerLocation';
import { catalogModulePlatformKinds } from './kinds/catalogModulePlatformKinds';
import { catalogModulePlatformFindings } from './findings/catalogModulePlatformFindings';
import { catalogModuleTableStatistics } from './maintenance/catalogModuleTableStatistics';
import { catalogModuleGitlabDiscoveryGuard } from './gitlab/catalogModuleGitlabDiscoveryGuard';
import { catalogModulePlatformTrust } from './trust/catalogModulePlatformTrust';

/** Every catalog module of the portal, for `backend.add` in one line. */
export const catalogModulePlatform = createBackendFeatureLoader({
  loader() {
    return [
      catalogModuleEntityListCoalescing,
      catalogModuleFilePerLocation,
      // The catalog orders processors by priority. PlatformKindsProcessor and the findings'
      // CatalogFindingsProcessor share the default one; neither reads what the other emits.
      catalogModulePlatformKinds,
      catalogModulePlatformFindings,
      catalogModuleTableStatistics,
      catalogModuleGitlabDiscoveryGuard,
      // Who may define Users, Groups, Templates, Environments and Locations (priority 0: first).
      catalogModulePlatformTrust,
    ];
  },
});
