import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { fixturesDir, templatesDir } from './repoPaths';

/** A JSON value, as YAML files and the backend's configuration hold them. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue | undefined };

/** A YAML or JSON map. */
export type JsonMap = { [key: string]: JsonValue | undefined };

/** The parts of a scaffolder Template (v1beta3) the harness reads. */
export interface TemplateEntity {
  apiVersion: string;
  kind: 'Template';
  metadata: {
    name: string;
    namespace?: string;
    [key: string]: JsonValue | undefined;
  };
  spec: {
    type?: string;
    parameters?: JsonMap | JsonMap[];
    steps: Array<{
      id?: string;
      name?: string;
      action: string;
      input?: JsonMap;
    }>;
    output?: JsonMap;
  };
}

/** One fixture case: the form values a developer could submit, from `<case>.yaml`. */
export interface FixtureCase {
  name: string;
  file: string;
  values: JsonMap;
}

export interface DiscoveredTemplate {
  /** `metadata.name`, which also names its fixture and snapshot folders. */
  name: string;
  /** Absolute path of the template file. */
  file: string;
  entity: TemplateEntity;
  cases: FixtureCase[];
}

function readYamlMap(file: string): JsonMap {
  const value = parse(fs.readFileSync(file, 'utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${file} is not a YAML map`);
  }
  return value;
}

function readCases(templateName: string): FixtureCase[] {
  const dir = path.join(fixturesDir, templateName);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .sort()
    .map(file => ({
      name: path.basename(file, '.yaml'),
      file: path.join(dir, file),
      values: readYamlMap(path.join(dir, file)),
    }));
}

/**
 * Every scaffolder Template in `templates/*.yaml` (what app-config.yaml's Template location
 * loads), each with its fixture cases from `templates/__fixtures__/<name>/<case>.yaml`.
 */
export function discoverTemplates(dir = templatesDir): DiscoveredTemplate[] {
  return (
    fs
      .readdirSync(dir)
      .filter(file => file.endsWith('.yaml'))
      .sort()
      .map(file => path.join(dir, file))
      .map(file => ({ file, yaml: readYamlMap(file) }))
      .filter(({ yaml }) => yaml.kind === 'Template')
      // The shape the scaffolder requires of a template; it checks the file itself (dry run).
      .map(({ file, yaml }) => ({
        file,
        entity: yaml as unknown as TemplateEntity,
      }))
      .map(({ file, entity }) => ({
        name: entity.metadata.name,
        file,
        entity,
        cases: readCases(entity.metadata.name),
      }))
  );
}

/** Fixture folders that name no template: left behind by a rename or a removal. */
export function orphanFixtureFolders(
  templates: DiscoveredTemplate[],
): string[] {
  if (!fs.existsSync(fixturesDir)) return [];
  const names = new Set(templates.map(t => t.name));
  return fs
    .readdirSync(fixturesDir)
    .filter(name => !names.has(name))
    .map(name => path.join(fixturesDir, name));
}
