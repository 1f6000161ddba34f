import { ConfigReader } from '@backstage/config';
import { configApiRef } from '@backstage/frontend-plugin-api';
import { platformRepoUrlPickerValidation } from './validation';

type Validator = typeof platformRepoUrlPickerValidation;
type FieldValidation = Parameters<Validator>[1];
type ApiHolder = Parameters<Validator>[2]['apiHolder'];

function errorsFor(repoUrl: string, allowedHosts?: string[]): string[] {
  const config = new ConfigReader({
    scaffolder: { platform: { allowedHosts: ['gitlab.example.com'] } },
  });
  const apiHolder: ApiHolder = {
    get: ref => (ref.id === configApiRef.id ? config : undefined) as any,
  };
  const errors: string[] = [];
  platformRepoUrlPickerValidation(
    repoUrl,
    { addError: message => errors.push(message) } as FieldValidation,
    {
      apiHolder,
      formData: {},
      schema: {},
      uiSchema: allowedHosts ? { 'ui:options': { allowedHosts } } : {},
    },
  );
  return errors;
}

describe('platformRepoUrlPickerValidation', () => {
  it('accepts a complete location on an allowed host', () => {
    expect(errorsFor('gitlab.example.com?owner=commerce&repo=orders')).toEqual(
      [],
    );
  });

  it("keeps RepoUrlPicker's own checks", () => {
    expect(errorsFor('gitlab.example.com?repo=orders')).toEqual([
      'Incomplete repository location provided, owner not provided',
    ]);
  });

  it('refuses a host outside scaffolder.platform.allowedHosts, even if the template names it', () => {
    const refusal =
      'The portal does not publish to localhost:7101 (allowed: gitlab.example.com; scaffolder.platform.allowedHosts)';
    expect(errorsFor('localhost:7101?owner=commerce&repo=orders')).toEqual([
      refusal,
    ]);
    expect(
      errorsFor('localhost:7101?owner=commerce&repo=orders', [
        'localhost:7101',
      ]),
    ).toEqual([
      'The portal does not publish to localhost:7101 (allowed: none; scaffolder.platform.allowedHosts)',
    ]);
  });
});
