import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { CatalogEntityValidator } from '@internal/plugin-scaffolder-backend-module-platform';
import { HARNESS_USER } from './dryRunTemplate';

/**
 * The harness backend's catalog validating entities with its processors (kinds, policies, the
 * platform's Pipeline and Environment schemas) over its HTTP API, as `CatalogClient` does, with
 * the harness user's credentials.
 */
export function catalogEntityValidator(
  backend: TestBackend,
): CatalogEntityValidator {
  return {
    async validateEntity(entity, locationRef) {
      const res = await request(backend.server)
        .post('/api/catalog/validate-entity')
        .set('Authorization', mockCredentials.user.header(HARNESS_USER))
        .send({ entity, location: locationRef });
      if (res.status === 200) return { valid: true };
      if (res.status === 400) {
        return { valid: false, errors: res.body.errors ?? [] };
      }
      throw new Error(
        `The catalog answered ${res.status} to validate-entity: ${res.text}`,
      );
    },
  };
}
