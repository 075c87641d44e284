/**
 * npm run audit:verify [-- --checkpoint] [-- --checkpoints <exported.json>]
 *
 * Verifies the audit trail: every event's hash, every link of the chain, every checkpoint's
 * signature and signed hash, and the tail against the newest checkpoint. Prints the first broken
 * event and why, and exits 1 if the trail is not intact (so it can run from cron or CI).
 *
 *   --checkpoint            also sign a checkpoint of the current head (after a successful check)
 *   --checkpoints <file>    also check against checkpoints exported earlier (kept outside the
 *                           database): each must still match, with the public key in that file
 */
import { readFileSync } from "node:fs";
import { SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { compareWithExportedCheckpoints, signCheckpointNow, verifyAndRecord, type ExportedCheckpoints } from "~/modules/audit/integrity.server";
import { runScript } from "./lib/run-script";

const args = process.argv.slice(2);
const context = { ...SYSTEM_AUDIT_CONTEXT, userAgent: "npm run audit:verify" };

await runScript(async () => {
  const result = await verifyAndRecord(context);
  console.log(`Checked ${result.eventsChecked} events (ids ${result.firstEventId ?? "-"} to ${result.lastEventId ?? "-"}) and ${result.checkpointsChecked} checkpoints.`);
  if (result.latestCheckpoint) {
    console.log(
      `Latest checkpoint: event ${result.latestCheckpoint.eventId} at ${result.latestCheckpoint.createdAt.toISOString()}; ${result.eventsSinceLatestCheckpoint} events since.`,
    );
  }
  let intact = result.intact;
  if (!result.intact) {
    console.error(`\nTHE AUDIT TRAIL HAS BEEN ALTERED: ${result.problemCount} problem(s).`);
    console.error(`First broken event: ${result.firstProblem!.eventId} (${result.firstProblem!.kind})`);
    for (const problem of result.problems.slice(0, 20)) console.error(`  - ${problem.message}`);
  }
  const fileIndex = args.indexOf("--checkpoints");
  if (fileIndex >= 0) {
    const file = args[fileIndex + 1];
    if (!file) throw new Error("--checkpoints needs the path of an exported checkpoints file");
    const problems = await compareWithExportedCheckpoints(JSON.parse(readFileSync(file, "utf8")) as ExportedCheckpoints);
    if (problems.length > 0) {
      intact = false;
      console.error(`\nThe exported copy ${file} disagrees with the database:`);
      for (const p of problems.slice(0, 20)) console.error(`  - ${p}`);
    } else {
      console.log(`The exported copy ${file} agrees with the database.`);
    }
  }
  if (intact) console.log("\nThe audit trail is intact.");
  if (args.includes("--checkpoint")) {
    if (!intact) console.error("Not signing a checkpoint over an altered trail.");
    else {
      const checkpoint = await signCheckpointNow(context);
      console.log(`Signed a checkpoint at event ${checkpoint.eventId} (key ${checkpoint.keyId}).`);
    }
  }
  if (!intact) process.exitCode = 1;
});
