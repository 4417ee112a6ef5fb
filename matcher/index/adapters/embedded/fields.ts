/**
 * Reading attribute values out of documents the way Meilisearch does: a dotted name reaches into nested objects
 * (and through arrays of objects), unless the document has a top-level key with that exact dotted name.
 */

/**
 * Scalar values found at `path`, arrays flattened. `intoObjects` also takes the values inside nested objects
 * (Meilisearch searches every string below a searchable attribute, but filters only compare scalars).
 */
export function fieldValues(document: Record<string, unknown>, path: string, intoObjects = false): unknown[] {
  const out: unknown[] = [];
  if (Object.hasOwn(document, path)) flatten(document[path], intoObjects, out);
  else if (path.includes('.')) collect(document, path.split('.'), 0, intoObjects, out);
  return out;
}

function collect(value: unknown, parts: string[], depth: number, intoObjects: boolean, out: unknown[]): void {
  if (depth === parts.length) {
    flatten(value, intoObjects, out);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, parts, depth, intoObjects, out);
    return;
  }
  if (value !== null && typeof value === 'object') {
    collect((value as Record<string, unknown>)[parts[depth]!], parts, depth + 1, intoObjects, out);
  }
}

function flatten(value: unknown, intoObjects: boolean, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, intoObjects, out);
  } else if (value !== null && typeof value === 'object') {
    if (intoObjects) for (const nested of Object.values(value)) flatten(nested, intoObjects, out);
  } else if (value !== undefined && value !== null) {
    out.push(value);
  }
}

/**
 * Searchable text of an attribute. Values are joined with a newline, which every tokenizer treats as a separator,
 * so no n-gram spans two array elements.
 */
export function fieldText(document: Record<string, unknown>, path: string): string {
  const parts: string[] = [];
  for (const value of fieldValues(document, path, true)) {
    if (typeof value === 'string') parts.push(value);
    else if (typeof value === 'number' || typeof value === 'boolean') parts.push(String(value));
  }
  return parts.join('\n');
}
