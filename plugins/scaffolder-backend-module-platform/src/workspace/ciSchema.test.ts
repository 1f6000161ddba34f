import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { gitlabCiSchemaFile } from '../__testUtils__/contracts';
import { FixtureWorkspace } from '../__testUtils__/fixtureWorkspace';
import { GitlabCiSchema } from './ciSchema';

// Compiling GitLab's schema takes a second or two.
jest.setTimeout(30_000);

describe('GitlabCiSchema', () => {
  const schema = GitlabCiSchema.fromFile(gitlabCiSchemaFile);
  const workspace = new FixtureWorkspace('node-service');
  afterAll(() => workspace.cleanup());
  const file = '.gitlab-ci.yml';
  const check = () => schema.check(file, workspace.read(file));

  it('accepts the golden path’s rendered pipeline', () => {
    expect(check()).toEqual([]);
  });

  it('reports an unknown job keyword, a wrong type and a wrong value, each on its line', () => {
    workspace.replace(
      file,
      '  stage: lint\n',
      '  stage: lint\n  scirpt: [npm run lint]\n',
    );
    workspace.replace(file, 'test:\n  stage: test', 'test:\n  stage: [1]');
    workspace.replace(file, '      when: manual', '      when: sometimes');
    const problems = check();
    expect(problems).toEqual([
      {
        file,
        line: workspace.lineOf(file, 'scirpt:'),
        message: expect.stringMatching(/^lint .*"scirpt"/),
      },
      {
        file,
        line: workspace.lineOf(file, 'stage: [1]'),
        message: expect.stringContaining('test.stage'),
      },
      {
        file,
        line: workspace.lineOf(file, 'when: sometimes'),
        message: expect.stringMatching(/rules\[0\]\.when/),
      },
    ]);
  });

  it('accepts GitLab’s !reference tag', () => {
    const text = `.setup:\n  script: [npm ci]\n\ntest:\n  stage: test\n  script:\n    - !reference [.setup, script]\n    - npm test\n`;
    expect(schema.check(file, text)).toEqual([]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(schema.check(file, 'test:\n  script: [a\n  stage: b\n')).toEqual([
      expect.objectContaining({ file, line: expect.any(Number) }),
    ]);
  });

  describe('when the schema is not configured', () => {
    it('fails .gitlab-ci.yml naming the key to set', () => {
      const unconfigured = GitlabCiSchema.fromConfig(new ConfigReader({}));
      expect(unconfigured.check(file, 'test: {}')).toEqual([
        {
          file,
          line: 1,
          message: expect.stringContaining(
            'set scaffolder.platform.validation.gitlabCiSchema',
          ),
        },
      ]);
    });

    it('fails naming the key and the path when the file is missing', () => {
      const missing = path.join(os.tmpdir(), 'no-such-dir', 'ci.json');
      const result = GitlabCiSchema.fromConfig(
        new ConfigReader({
          scaffolder: { platform: { validation: { gitlabCiSchema: missing } } },
        }),
      ).check(file, 'test: {}');
      expect(result[0].message).toContain(missing);
      expect(result[0].message).toContain(
        'scaffolder.platform.validation.gitlabCiSchema',
      );
    });

    it('fails when the file is not JSON', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-'));
      const notJson = path.join(dir, 'ci.json');
      try {
        fs.writeFileSync(notJson, '<html>');
        expect(GitlabCiSchema.fromFile(notJson).unavailableReason).toMatch(
          /is not JSON/,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('reads the path relative to the working directory, as app-config.yaml writes it', () => {
    const relative = path.relative(process.cwd(), gitlabCiSchemaFile);
    const configured = GitlabCiSchema.fromConfig(
      new ConfigReader({
        scaffolder: { platform: { validation: { gitlabCiSchema: relative } } },
      }),
    );
    expect(configured.unavailableReason).toBeUndefined();
  });
});
