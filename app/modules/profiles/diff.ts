import { diffLines } from "diff";

/**
 * A readable line-by-line difference between two versions of a profile's narrative, computed by
 * jsdiff and split back into lines so the page shows one paragraph per line, each marked added,
 * removed or unchanged. (Windows line endings and a missing final newline are not changes.)
 */
export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export function diffNarrative(before: string, after: string): DiffPart[] {
  return diffLines(before, after, { stripTrailingCr: true, ignoreNewlineAtEof: true }).flatMap((change) => {
    const kind: DiffPart["kind"] = change.added ? "added" : change.removed ? "removed" : "same";
    // A change's value ends with the newline of its last line (unless it is the text's last line).
    return change.value.replace(/\n$/, "").split("\n").map((text) => ({ kind, text }));
  });
}
