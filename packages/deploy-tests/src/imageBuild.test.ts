import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { globSync } from 'glob';
import { minimatch } from 'minimatch';
import { parse as parseYaml } from 'yaml';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import {
  contextSources,
  documentedCommands,
  DockerInstruction,
  execForm,
  parseDockerfile,
} from './dockerfile';
import { renderKustomization } from './renderKustomization';
import {
  dockerfile,
  productionConfigFile,
  productionOverlayDir,
  repoRoot,
} from './repoPaths';

/*
 * No Docker engine runs where these tests run, so the image is not built here. What is checked
 * is what the build reads and runs: the host commands, the files it copies from the repository,
 * the order of its steps, and that the Deployment runs what the image contains.
 */

const BUILD_OUTPUTS = [
  'packages/backend/dist/skeleton.tar.gz',
  'packages/backend/dist/bundle.tar.gz',
];

const text = fs.readFileSync(dockerfile, 'utf8');
const instructions = parseDockerfile(text);
const finalStage = Math.max(...instructions.map(i => i.stage));

function readJson(file: string) {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
}

function indexOf(predicate: (instruction: DockerInstruction) => boolean) {
  const index = instructions.findIndex(predicate);
  if (index === -1) throw new Error('instruction not found in the Dockerfile');
  return index;
}

const usesSource = (source: string) => (instruction: DockerInstruction) =>
  contextSources(instruction).includes(source);

/** Whether .dockerignore keeps a path (or a folder above it) out of the build context. */
function dockerIgnored(file: string): boolean {
  const patterns = fs
    .readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'));
  const parts = file.split('/');
  let ignored = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    const matches = parts.some((_, i) =>
      minimatch(parts.slice(0, i + 1).join('/'), glob, { dot: true }),
    );
    if (matches) ignored = !negated;
  }
  return ignored;
}

describe('the image build (packages/backend/Dockerfile)', () => {
  it('documents the host build as yarn install --immutable, yarn tsc, yarn build:backend, then docker build', () => {
    expect(documentedCommands(text, 'yarn')).toEqual([
      'yarn install --immutable',
      'yarn tsc',
      'yarn build:backend',
    ]);
    const [build] = documentedCommands(text, 'docker');
    expect(build).toMatch(/^docker build \. -f packages\/backend\/Dockerfile /);
  });

  it('reads the skeleton and the bundle that yarn build:backend writes', () => {
    const root = readJson('package.json');
    const backend = readJson('packages/backend/package.json');
    expect(root.scripts['build:backend']).toBe('yarn workspace backend build');
    expect(backend.name).toBe('backend');
    // `backstage-cli package build` of a package with the backend role writes both archives
    // to its dist/ (skeleton: package.json files; bundle: the built workspace packages).
    expect(backend.backstage.role).toBe('backend');
    expect(backend.scripts.build).toBe('backstage-cli package build');
    const built = instructions
      .flatMap(contextSources)
      .filter(source => source.includes('/dist/'));
    expect(built.sort()).toEqual([...BUILD_OUTPUTS].sort());
    // Build output is never committed.
    for (const output of BUILD_OUTPUTS) {
      expect(() =>
        execFileSync('git', ['check-ignore', '-q', output], { cwd: repoRoot }),
      ).not.toThrow();
    }
  });

  it('copies from the repository only files that exist and that .dockerignore lets through', () => {
    const sources = instructions
      .flatMap(contextSources)
      .filter(source => !BUILD_OUTPUTS.includes(source));
    expect(sources).toEqual(
      expect.arrayContaining([
        '.yarn',
        '.yarnrc.yml',
        'backstage.json',
        'yarn.lock',
        'package.json',
        'app-config*.yaml',
        'templates/*.yaml',
        'templates/parts',
      ]),
    );
    for (const source of sources) {
      const files = globSync(source, { cwd: repoRoot, dot: true });
      expect([source, files.length > 0]).toEqual([source, true]);
      for (const file of files) {
        expect([file, dockerIgnored(file)]).toEqual([file, false]);
      }
    }
    // What the patched dependency needs; the local cache and install state stay out.
    expect(fs.existsSync(path.join(repoRoot, '.yarn', 'patches'))).toBe(true);
    expect(dockerIgnored('.yarn/cache')).toBe(true);
    // A developer's own configuration never reaches the image.
    expect(dockerIgnored('app-config.local.yaml')).toBe(true);
  });

  it('installs production dependencies from the skeleton, then unpacks the bundle over them', () => {
    const skeleton = indexOf(usesSource(BUILD_OUTPUTS[0]));
    const focus = indexOf(
      i =>
        i.keyword === 'RUN' &&
        /\byarn workspaces focus --all --production\b/.test(i.args),
    );
    const dependencies = indexOf(
      i =>
        i.keyword === 'COPY' &&
        i.args.includes('--from=') &&
        i.stage === finalStage,
    );
    const bundle = indexOf(usesSource(BUILD_OUTPUTS[1]));
    expect(instructions[skeleton].stage).toBe(instructions[focus].stage);
    expect(skeleton).toBeLessThan(focus);
    expect(focus).toBeLessThan(dependencies);
    expect(dependencies).toBeLessThan(bundle);
    expect(instructions[bundle].stage).toBe(finalStage);
    // The skeleton is installed against the lockfile the bundle was built with.
    const lockfileCopy = indexOf(usesSource('yarn.lock'));
    expect(lockfileCopy).toBeLessThan(focus);
  });

  it('builds on the Node major of the development toolchain', () => {
    const toolchain = fs.readFileSync(
      path.join(repoRoot, 'scripts', 'toolchain.sh'),
      'utf8',
    );
    const wanted = /^_node_major_wanted=(\d+)$/m.exec(toolchain)?.[1];
    const bases = instructions
      .filter(i => i.keyword === 'FROM')
      .map(i => /^node:(\d+)[-\w.]*/.exec(i.args)?.[1]);
    expect(bases.length).toBeGreaterThan(0);
    expect(new Set(bases)).toEqual(new Set([wanted]));
  });

  it('contains everything the production configuration reads from disk', () => {
    const production = parseYaml(fs.readFileSync(productionConfigFile, 'utf8'));
    // File locations are relative to the working directory, /app, where the image copies
    // app-config*.yaml and templates/.
    const copied = instructions
      .filter(i => i.stage === finalStage)
      .flatMap(contextSources);
    for (const location of production.catalog?.locations ?? []) {
      if (location.type !== 'file') continue;
      const target = path.posix.normalize(location.target);
      expect([
        target,
        copied.some(
          source =>
            minimatch(target, source) || target.startsWith(`${source}/`),
        ),
      ]).toEqual([target, true]);
    }
    // The templates fetch their parts from beside them: templates/parts is copied whole.
    expect(copied).toContain('templates/parts');
    for (const file of globSync('templates/*.yaml', { cwd: repoRoot })) {
      const urls = [
        ...fs
          .readFileSync(path.join(repoRoot, file), 'utf8')
          .matchAll(/^\s*url:\s*(\.\S*)/gm),
      ].map(match => match[1]);
      for (const url of urls) {
        expect([file, url]).toEqual([
          file,
          expect.stringMatching(/^\.\/parts\//),
        ]);
      }
    }
  });

  it('is run by the Deployment as the image runs it, as the image user, with the override last', () => {
    const objects = renderKustomization(productionOverlayDir);
    const deployment = objects.find(
      o => o.kind === 'Deployment',
    ) as unknown as IDeployment;
    const pod = deployment.spec!.template.spec!;
    const [container] = pod.containers;
    const cmd = execForm(
      instructions.filter(i => i.keyword === 'CMD').slice(-1)[0],
    );
    const command = container.command!;
    expect(command.slice(0, cmd.length)).toEqual(cmd);
    expect(command.slice(cmd.length)).toEqual([
      '--config',
      expect.stringMatching(/^\/.+\/app-config\.local\.yaml$/),
    ]);
    const user = instructions
      .filter(i => i.keyword === 'USER' && i.stage === finalStage)
      .slice(-1)[0]?.args;
    expect(user).toMatch(/^\d+(:\d+)?$/);
    const [uid, gid = uid] = user!.split(':').map(Number);
    expect([
      pod.securityContext?.runAsUser,
      pod.securityContext?.runAsGroup,
    ]).toEqual([uid, gid]);
    expect(
      instructions.some(
        i =>
          i.keyword === 'EXPOSE' &&
          i.args === String(container.ports![0].containerPort),
      ),
    ).toBe(true);
  });
});
