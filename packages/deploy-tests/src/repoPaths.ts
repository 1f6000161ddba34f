import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** The repository root: this package is packages/deploy-tests. */
export const repoRoot = path.resolve(
  resolvePackagePath('@internal/deploy-tests'),
  '../..',
);

/** The Kubernetes manifests: a kustomize base and one overlay per installation. */
export const deployDir = path.join(repoRoot, 'deploy');
export const baseDir = path.join(deployDir, 'base');
export const productionOverlayDir = path.join(
  deployDir,
  'overlays',
  'production',
);

export const dockerfile = path.join(
  repoRoot,
  'packages',
  'backend',
  'Dockerfile',
);
export const productionConfigFile = path.join(
  repoRoot,
  'app-config.production.yaml',
);
