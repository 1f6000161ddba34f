import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { YAMLSeq } from 'yaml';
import { Config } from '@backstage/config';
import { schemaErrorsToProblems } from './schemaErrors';
import { WorkspaceProblem } from './types';
import { parseYamlFile } from './yamlSource';

/** The configuration key that says where GitLab's CI schema is. */
export const GITLAB_CI_SCHEMA_KEY =
  'scaffolder.platform.validation.gitlabCiSchema';

/** Where GitLab keeps the schema, for messages that tell an operator what to fetch. */
const SCHEMA_ORIGIN =
  "GitLab's CI schema (app/assets/javascripts/editor/schema/ci.json in gitlab-org/gitlab)";

// GitLab's `!reference [.job, script]` tag: kept as the list it is written as, which is what
// the schema expects where references are allowed (script, before_script, rules, …).
const gitlabCustomTags = [
  {
    tag: '!reference',
    collection: 'seq' as const,
    default: false,
    nodeClass: YAMLSeq,
  },
];

type SchemaState =
  | { available: true; file: string; schema: object }
  | { available: false; reason: string };

/**
 * GitLab's CI JSON Schema, compiled once on first use. GitLab does not publish it as a package,
 * so its path is configuration; when it is not configured or not readable the checker still
 * exists and reports, on `.gitlab-ci.yml`, which key to set (the backend does not refuse to start).
 */
export class GitlabCiSchema {
  private compiled?: ValidateFunction;

  private constructor(private readonly state: SchemaState) {}

  /** Reads `scaffolder.platform.validation.gitlabCiSchema`, relative to the working directory. */
  static fromConfig(config: Config): GitlabCiSchema {
    const configured = config.getOptionalString(GITLAB_CI_SCHEMA_KEY);
    if (!configured) {
      return new GitlabCiSchema({
        available: false,
        reason: `${SCHEMA_ORIGIN} is not configured: set ${GITLAB_CI_SCHEMA_KEY} to the path of that file`,
      });
    }
    return GitlabCiSchema.fromFile(path.resolve(configured));
  }

  /** Loads the schema from a file (the template harness and tests point at it directly). */
  static fromFile(file: string): GitlabCiSchema {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      return new GitlabCiSchema({
        available: false,
        reason: `${SCHEMA_ORIGIN} could not be read from ${file} (${
          (error as NodeJS.ErrnoException).code ?? String(error)
        }): set ${GITLAB_CI_SCHEMA_KEY} to the path of that file`,
      });
    }
    try {
      return new GitlabCiSchema({
        available: true,
        file,
        schema: JSON.parse(text),
      });
    } catch (error) {
      return new GitlabCiSchema({
        available: false,
        reason: `${file} (${GITLAB_CI_SCHEMA_KEY}) is not JSON: ${
          (error as Error).message
        }`,
      });
    }
  }

  /** Why `.gitlab-ci.yml` cannot be checked, or undefined when it can. */
  get unavailableReason(): string | undefined {
    return this.state.available ? undefined : this.state.reason;
  }

  /** Checks one `.gitlab-ci.yml`; every problem has a line. */
  check(file: string, text: string): WorkspaceProblem[] {
    if (!this.state.available) {
      return [
        { file, line: 1, message: `cannot be validated: ${this.state.reason}` },
      ];
    }
    // GitLab reads CI files with Ruby's YAML 1.1 parser (`on: yes` is a boolean there).
    const parsed = parseYamlFile(file, text, {
      version: '1.1',
      customTags: gitlabCustomTags,
    });
    if (parsed.problems.length > 0) return parsed.problems;
    const [document, ...extra] = parsed.documents;
    if (!document) {
      return [
        { file, line: 1, message: 'is empty: GitLab has no jobs to run' },
      ];
    }
    if (extra.length > 0) {
      return [
        {
          file,
          line: extra[0].firstLine,
          message: 'has more than one YAML document; GitLab reads only one',
        },
      ];
    }
    const validate = this.validator();
    if (validate(document.toJS())) return [];
    return schemaErrorsToProblems(file, document, validate.errors ?? []);
  }

  private validator(): ValidateFunction {
    if (!this.compiled) {
      const { schema } = this.state as Extract<
        SchemaState,
        { available: true }
      >;
      // Draft-07. GitLab's schema carries editor keywords (markdownDescription) that strict
      // mode rejects, and uses the uri, uri-reference, date-time and regex formats.
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      this.compiled = ajv.compile(schema);
    }
    return this.compiled;
  }
}
