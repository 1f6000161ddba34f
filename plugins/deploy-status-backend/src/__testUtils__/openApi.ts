import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const document = parse(
  fs.readFileSync(path.resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
);
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(document, 'openapi');

/** Throws with every error when `body` does not match a schema of `components.schemas`. */
export function assertOpenApiSchema(name: string, body: unknown): void {
  const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
  if (!validate) {
    throw new Error(`No schema ${name} in openapi.yaml`);
  }
  if (!validate(body)) {
    throw new Error(
      `Not valid against openapi.yaml ${name}: ${ajv.errorsText(
        validate.errors,
        { separator: '; ' },
      )}`,
    );
  }
}
