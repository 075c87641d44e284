/**
 * npm run audit:verify [-- --seal] [-- --checkpoint] [-- --checkpoints <exported.json>]
 *
 * Verifies the audit trail: every sealed event's hash, every link of the chain, every checkpoint's
 * signature and signed hash, and the tail against the newest checkpoint; then reports the events
 * not sealed yet (how many, the oldest and its age). Prints the first broken event and why, and
 * exits 1 if the trail is not intact (so it can run from cron or CI).
 *
 *   --seal                  seal pending events first (what the running portal's sequencer does every second)
 *   --checkpoint            also sign a checkpoint of the current head (after a successful check)
 *   --checkpoints <file>    also check against checkpoints exported earlier (kept outside the
 *                           database): each must still match, with the public key in that file
 */
import { readFileSync } from "node:fs";
import { SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { formatDateTimeSeconds } from "~/utils/dates";
import { pluralise } from "~/utils/plural";
import { compareWithExportedCheckpoints, signCheckpointNow, verifyAndRecord, type ExportedCheckpoints } from "~/modules/audit/integrity.server";
import { sealAuditEvents } from "~/modules/audit/sealing.server";
import { clock } from "~/utils/clock";
import { runScript } from "./lib/run-script";

const args = process.argv.slice(2);
const context = { ...SYSTEM_AUDIT_CONTEXT, userAgent: "npm run audit:verify" };

await runScript(async () => {
  if (args.includes("--seal")) {
    const { sealed } = await sealAuditEvents();
    console.log(`Sealed ${sealed} pending events.`);
  }
  const result = await verifyAndRecord(context);
  console.log(`Checked ${pluralise(result.eventsChecked, "sealed event")} (positions 1 to ${result.lastPosition ?? "-"}) and ${pluralise(result.checkpointsChecked, "signed checkpoint")}.`);
  if (result.latestCheckpoint) {
    console.log(
      `Latest checkpoint: event ${result.latestCheckpoint.eventId}${result.latestCheckpoint.position !== null ? ` (position ${result.latestCheckpoint.position})` : ""} at ${formatDateTimeSeconds(result.latestCheckpoint.createdAt)} (UK time); ${pluralise(result.eventsSinceLatestCheckpoint, "event")} since.`,
    );
  }
  if (result.unsealed.count > 0) {
    const age = result.unsealed.oldestOccurredAt ? Math.round((clock.now().getTime() - result.unsealed.oldestOccurredAt.getTime()) / 1000) : null;
    console.log(
      `${pluralise(result.unsealed.count, "event is", "events are")} not sealed yet; the oldest is event ${result.unsealed.oldestEventId}${age !== null ? `, ${age} s old` : ""}. ` +
        "They are sealed by the running portal every second (or with --seal); until then only the database's privileges protect them.",
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
