import request from 'supertest';
import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { discoverTemplates, JsonMap } from './discoverTemplates';
import { dryRunRequest, HARNESS_USER, postDryRun } from './dryRunTemplate';
import { startHarnessBackend } from './startHarnessBackend';

/*
 * What the real scaffolder backend answers when the Node.js template's form is bypassed (the
 * API called directly, or the form's own checks changed): bad parameters must be refused before
 * anything is rendered or published, with an answer that names the field and the rule broken.
 */

const template = discoverTemplates().find(t => t.name === 'service')!;
const goodValues = template.cases.find(c => c.name === 'node-default')!.values;

jest.setTimeout(60_000);

let backend: TestBackend;
beforeAll(async () => {
  backend = await startHarnessBackend();
}, 120_000);
afterAll(() => backend?.stop());

/** A parameter the scaffolder refused (jsonschema's ValidationError, as answered). */
interface SchemaError {
  path: string[];
  message: string;
  instance: unknown;
  schema: { title?: string; description?: string };
}

/** The answer's schema errors as `field: message` lines. */
const schemaErrors = (body: { errors?: SchemaError[] }) =>
  (body.errors ?? []).map(e => `${e.path.join('.')}: ${e.message}`);

/** What an answer refusing parameters says: status, `field: message` lines, values and rules. */
const schemaRefusal = (res: {
  status: number;
  body: { errors?: SchemaError[] };
}) => ({
  status: res.status,
  errors: schemaErrors(res.body),
  refusedValues: (res.body.errors ?? []).map(e => e.instance),
  rulesInWords: (res.body.errors ?? []).map(e => e.schema.description),
});

/**
 * A clear refusal of a bad name: one error, on the name field, with the refused value and the
 * rule both as the pattern and in words (the field's description, which the form shows too).
 */
const clearNameRefusal = (name: string) => ({
  status: 400,
  errors: [expect.stringMatching(/^name: does not match pattern "\^\[a-z\]/)],
  refusedValues: [name],
  rulesInWords: [
    expect.stringMatching(
      /lowercase letters, digits and dashes; starts with a letter/i,
    ),
  ],
});

const badNames: Array<[string, string]> = [
  ['capitals', 'Orders-Api'],
  ['spaces', 'orders api'],
  ['a path (../)', '../orders-api'],
  ['a leading digit', '1orders-api'],
  ['a template expression (${{ }})', '${{ parameters.owner }}'],
];

describe.each(badNames)('a name with %s', (_what, name) => {
  it('is refused by a dry run, naming the field and its rule', async () => {
    const res = await postDryRun(
      backend,
      dryRunRequest(template, { ...goodValues, name }),
    );
    expect(schemaRefusal(res)).toEqual(clearNameRefusal(name));
  });

  it('is refused when creating a task, before any step runs', async () => {
    const res = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header(HARNESS_USER))
      .send({
        templateRef: 'template:default/service',
        values: { ...goodValues, name },
      });
    expect(schemaRefusal(res)).toEqual(clearNameRefusal(name));
    const tasks = await request(backend.server)
      .get('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header(HARNESS_USER));
    expect(tasks.body.tasks).toEqual([]);
  });
});

/** The failed dry run's message, which the template editor shows as the error. */
async function dryRunRefusal(values: JsonMap) {
  const res = await postDryRun(
    backend,
    dryRunRequest(template, { ...goodValues, ...values }),
  );
  return {
    status: res.status,
    message: String(res.body?.error?.message ?? schemaErrors(res.body)),
  };
}

it('refuses an owner that is not in the catalog, naming it', async () => {
  const refusal = await dryRunRefusal({
    owner: 'group:default/no-such-team',
  });
  expect(refusal.status).toBeGreaterThanOrEqual(400);
  expect(refusal.message).toContain('group:default/no-such-team');
  expect(refusal.message).toMatch(/catalog/i);
});

it('refuses a repository host the portal does not publish to, naming it', async () => {
  // github.com has an integration (Backstage's default), so only the portal's allowed hosts
  // (scaffolder.platform.allowedHosts: localhost:7101, checked by platform:check-request and
  // offered by the form's PlatformRepoUrlPicker) can refuse it.
  const refusal = await dryRunRefusal({
    repoUrl: 'github.com?owner=commerce&repo=orders-api',
  });
  expect(refusal.status).toBeGreaterThanOrEqual(400);
  expect(refusal.message).toContain('github.com');
  expect(refusal.message).toMatch(/allow/i);
});
