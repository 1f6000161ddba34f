import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import Ajv, { ValidateFunction } from 'ajv';

/*
 * Datadog's published v1 SLO OpenAPI document and recorded answers, from shared/contracts beside
 * the checkout (as on CI), never copied into this repository.
 */
const contractDir = resolvePackagePath(
  '@internal/plugin-datadog-slo-backend',
  '../../../shared/contracts/datadog',
);

function readContract(file: string) {
  const full = path.join(contractDir, file);
  if (!fs.existsSync(full)) {
    throw new Error(
      `Contract data not found at ${full}: clone the portal next to the shared/ folder (see README, "Contract data")`,
    );
  }
  return JSON.parse(fs.readFileSync(full, 'utf8'));
}

// Read on first use, so a process that never validates (the sandbox) runs without the contracts.
let loaded: { openapi: any; ajv: Ajv } | undefined;
function contract() {
  if (!loaded) {
    const openapi = readContract('openapi-v1-slo-subset.json');
    // OpenAPI 3.0 schemas are JSON Schema plus `nullable`, `example` and `x-*` keywords; Ajv 8
    // understands `nullable` and, not strict, ignores the rest. int64/double are not checked.
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateFormats: false,
    });
    ajv.addSchema(openapi, 'datadog-v1');
    loaded = { openapi, ajv };
  }
  return loaded;
}

const validators = new Map<string, ValidateFunction>();

/** Validates a body against a schema of the document's `components.schemas`; throws with every error. */
export function assertDatadogSchema(schemaName: string, body: unknown): void {
  const { openapi, ajv } = contract();
  let validate = validators.get(schemaName);
  if (!validate) {
    if (!openapi.components.schemas[schemaName]) {
      throw new Error(`Datadog's OpenAPI document has no schema ${schemaName}`);
    }
    validate = ajv.compile({
      $ref: `datadog-v1#/components/schemas/${schemaName}`,
    });
    validators.set(schemaName, validate);
  }
  if (!validate(body)) {
    throw new Error(
      `Not a valid Datadog ${schemaName}: ${ajv.errorsText(validate.errors, {
        separator: '; ',
      })}`,
    );
  }
}

/** Query parameter names the document declares for `GET <pathTemplate>`. */
export function declaredQueryParameters(pathTemplate: string): Set<string> {
  const operation = contract().openapi.paths[pathTemplate]?.get;
  if (!operation) {
    throw new Error(`Datadog's OpenAPI document has no GET ${pathTemplate}`);
  }
  return new Set(
    (operation.parameters ?? [])
      .filter((p: { in: string }) => p.in === 'query')
      .map((p: { name: string }) => p.name),
  );
}

/** The response bodies of a recorded HAR cassette, by request method and path. */
export function recordedResponses(
  cassette: string,
): Array<{ method: string; path: string; status: number; body: any }> {
  const har = readContract(`cassettes/${cassette}`);
  return har.log.entries.map((entry: any) => ({
    method: entry.request.method,
    path: new URL(entry.request.url).pathname,
    status: entry.response.status,
    body: JSON.parse(entry.response.content.text),
  }));
}
