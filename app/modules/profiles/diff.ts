/**
 * A readable line-by-line difference between two versions of a profile's narrative (longest common
 * subsequence). Narratives are bounded (PROFILE_NARRATIVE_MAX), so the table stays small.
 * (The `diff` package in node_modules is only a transitive dependency without types; see README.)
 */
export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export function diffLines(before: string, after: string): DiffPart[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      parts.push({ kind: "same", text: a[i]! });
      i += 1;
      j += 1;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      parts.push({ kind: "removed", text: a[i]! });
      i += 1;
    } else {
      parts.push({ kind: "added", text: b[j]! });
      j += 1;
    }
  }
  for (; i < a.length; i += 1) parts.push({ kind: "removed", text: a[i]! });
  for (; j < b.length; j += 1) parts.push({ kind: "added", text: b[j]! });
  return parts;
}
