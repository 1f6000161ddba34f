import { quoteValue } from '../errors/quoteValue';

/**
 * The longest annotation value the portal sends upstream. Every value it sends is a name, a
 * project path, a label selector or a tag query; Kubernetes caps a label value at 63 characters
 * and a name at 253. A longer value is a mistake (or an attempt to make every request heavy).
 */
export const MAX_ANNOTATION_VALUE_LENGTH = 512;

/**
 * An error message when an annotation value is too long to send upstream, quoting at most the
 * first 100 characters; undefined when it is fine.
 */
export function annotationValueTooLong(
  annotation: string,
  value: string,
  max = MAX_ANNOTATION_VALUE_LENGTH,
): string | undefined {
  if (value.length <= max) {
    return undefined;
  }
  return `Annotation ${annotation} is ${
    value.length
  } characters long, more than the ${max} the portal sends upstream: ${quoteValue(
    value,
  )}`;
}
