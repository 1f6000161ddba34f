import { ErrorObject } from 'ajv';
import { parsePointer, YamlSourceDocument } from './yamlSource';
import { WorkspaceProblem } from './types';

/**
 * Turns JSON Schema errors of one YAML document into problems with the line each is on.
 *
 * With `allErrors`, a value that fits none of an `anyOf`/`oneOf` yields one error per branch
 * ("must be string", "must be array", …) followed by the `anyOf` error itself. Those are folded
 * into one message that lists what the value could have been, so a wrong `stage:` reads as one
 * problem, not four.
 */
export function schemaErrorsToProblems(
  file: string,
  document: YamlSourceDocument,
  errors: ErrorObject[],
  prefix = '',
): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = [];
  const seen = new Set<string>();
  for (const error of foldAlternatives(errors)) {
    // A failed anyOf is shown on the line of its likeliest branch's error.
    const located = closestAlternative(error) ?? error;
    const property = (located.params as { additionalProperty?: string })
      .additionalProperty;
    const line = document.lineOf(located.instancePath, property);
    const message = `${prefix}${describe(error)}`;
    const key = `${line}\n${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push({ file, line, message });
    }
  }
  return problems;
}

interface FoldedError extends ErrorObject {
  alternatives?: ErrorObject[];
}

function isWithin(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

/**
 * Ajv reports a failed `anyOf` after the errors of its branches, and those branch errors sit
 * right before it with instance paths at or below the `anyOf`'s. Walking backwards, each
 * `anyOf`/`oneOf` error swallows them (a nested `anyOf` and its branches end up inside the outer).
 */
function foldAlternatives(errors: ErrorObject[]): FoldedError[] {
  const out: FoldedError[] = [];
  for (let i = errors.length - 1; i >= 0; i--) {
    const error = errors[i];
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      const alternatives: ErrorObject[] = [];
      while (
        i - 1 >= 0 &&
        isWithin(errors[i - 1].instancePath, error.instancePath)
      ) {
        alternatives.unshift(errors[--i]);
      }
      out.unshift({ ...error, alternatives });
    } else {
      out.unshift(error);
    }
  }
  return out;
}

/** `/spec/template/spec/containers/0/image` → `spec.template.spec.containers[0].image`. */
export function readablePath(pointer: string): string {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return 'the document';
  return segments
    .map((s, i) => {
      if (/^\d+$/.test(s)) return `[${s}]`;
      const name = /^[A-Za-z_$][\w$-]*$/.test(s) ? s : JSON.stringify(s);
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

function describe(error: FoldedError): string {
  const where = readablePath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has an unknown field "${params.additionalProperty}"`;
    case 'required':
      return `${where} is missing the required field "${params.missingProperty}"`;
    case 'enum':
      return `${where} must be one of: ${(params.allowedValues as unknown[])
        .map(v => JSON.stringify(v))
        .join(', ')}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `${where} must be ${String(params.type).replace(/,/g, ' or ')}`;
    case 'anyOf':
    case 'oneOf':
      return `${where} ${describeAlternatives(error)}`;
    default:
      return `${where} ${error.message ?? `fails ${error.keyword}`}`;
  }
}

/** Branch errors that only say the value has another type. */
function typeMismatches(error: FoldedError): ErrorObject[] {
  return (error.alternatives ?? []).filter(
    b => b.keyword === 'type' && b.instancePath === error.instancePath,
  );
}

/**
 * Of a failed anyOf's branch errors, the deepest: that branch got furthest, so it is the likeliest
 * intended form. Undefined when every branch failed on the value's type alone.
 */
function closestAlternative(error: FoldedError): ErrorObject | undefined {
  const mismatches = typeMismatches(error);
  return [...(error.alternatives ?? [])]
    .filter(b => !mismatches.includes(b))
    .sort(
      (a, b) =>
        parsePointer(b.instancePath).length -
        parsePointer(a.instancePath).length,
    )[0];
}

function describeAlternatives(error: FoldedError): string {
  const closest = closestAlternative(error);
  const mismatches = typeMismatches(error);
  if (!closest && mismatches.length > 0) {
    const types = [...new Set(mismatches.map(b => String(b.params.type)))];
    return `must be ${types.join(' or ')}`;
  }
  return closest
    ? `does not match any allowed form; closest: ${describe(closest)}`
    : 'does not match any allowed form';
}
