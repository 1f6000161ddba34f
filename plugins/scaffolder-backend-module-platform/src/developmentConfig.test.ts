import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { parse } from 'yaml';
import { repoRoot } from './__testUtils__/contracts';
import { readPlatformScaffolderSettings } from './config';
import { GitlabCiSchema } from './workspace/ciSchema';

/** app-config.yaml as the backend reads it, from packages/backend. */
const developmentConfig = new ConfigReader(
  parse(fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8')),
);

describe('app-config.yaml', () => {
  it('points GitLab’s CI schema at the contract data, relative to packages/backend', () => {
    const cwd = process.cwd();
    process.chdir(path.join(repoRoot, 'packages/backend'));
    try {
      expect(
        GitlabCiSchema.fromConfig(developmentConfig).unavailableReason,
      ).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
  });

  it('lets repositories go to the sandbox GitLab only', () => {
    expect(
      readPlatformScaffolderSettings(developmentConfig).allowedHosts,
    ).toEqual(['localhost:7101']);
  });
});
