/**
 * The changed fields of an edit, as `{ field: { old, new } }` for the audit trail. Arrays compare
 * as sets (order does not matter for roles or areas). Never pass secrets or hashes in.
 */
export type FieldValue = string | number | boolean | null | string[];
export type Changes = Record<string, { old: FieldValue; new: FieldValue }>;

export function changedFields<T extends Record<string, FieldValue>>(before: T, after: T): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    const oldValue = before[key] ?? null;
    const newValue = after[key] ?? null;
    if (!sameValue(oldValue, newValue)) changes[key] = { old: oldValue, new: newValue };
  }
  return changes;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
  }
  return a === b;
}
