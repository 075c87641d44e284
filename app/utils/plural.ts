/**
 * "1 signed checkpoint", "2 signed checkpoints", "1,204 events": the one way counts are written.
 * The plural is the singular plus "s" unless given.
 */
export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : plural}`;
}
