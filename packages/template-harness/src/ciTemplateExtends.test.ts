import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ciExtendsFindings } from './ciTemplateExtends';

let ciTemplates: string;
beforeAll(() => {
  ciTemplates = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-templates-'));
  fs.mkdirSync(path.join(ciTemplates, 'templates'));
  fs.writeFileSync(
    path.join(ciTemplates, 'templates/node.yml'),
    'include:\n  - local: /templates/base.yml\n.node-test:\n  script: [npm test]\n',
  );
  fs.writeFileSync(
    path.join(ciTemplates, 'templates/base.yml'),
    '.base:\n  image: node:22\nvisible-job:\n  script: [true]\n',
  );
});
afterAll(() => fs.rmSync(ciTemplates, { recursive: true, force: true }));

const pipeline = (jobs: string) =>
  new Map([
    [
      '.gitlab-ci.yml',
      Buffer.from(
        `include:\n  - project: platform/ci-templates\n    file: [/templates/node.yml]\n${jobs}`,
      ),
    ],
  ]);

describe('ciExtendsFindings', () => {
  it('accepts hidden jobs of included files, their includes, and local jobs', () => {
    const rendered = pipeline(
      '.local:\n  stage: test\ntest:\n  extends: [.node-test, .base, .local]\n',
    );
    expect(ciExtendsFindings(rendered, ciTemplates)).toEqual([]);
  });

  it('names the job, the unknown parent and its line', () => {
    const rendered = pipeline(
      'test:\n  extends: .node-tests\nlint:\n  extends: visible-job\n',
    );
    expect(ciExtendsFindings(rendered, ciTemplates)).toEqual([
      expect.objectContaining({
        line: 5,
        message: expect.stringContaining(
          'job "test" extends ".node-tests", which is not a hidden job of platform/ci-templates (/templates/node.yml)',
        ),
      }),
      expect.objectContaining({
        line: 7,
        message: expect.stringContaining('extends "visible-job"'),
      }),
    ]);
  });

  it('names an included file the project does not have', () => {
    const rendered = new Map([
      [
        '.gitlab-ci.yml',
        Buffer.from(
          'include:\n  - project: platform/ci-templates\n    file: /templates/rust.yml\n',
        ),
      ],
    ]);
    expect(ciExtendsFindings(rendered, ciTemplates)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('/templates/rust.yml is not in'),
      }),
    ]);
  });
});
