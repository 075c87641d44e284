import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { answerInformationRequest, createDissemination, decideDissemination } from "~/modules/dissemination/disseminations.server";
import type { DisseminationSource } from "~/modules/dissemination/forms.server";
import { acknowledgeDissemination, inboxItem, requestMoreInformation } from "~/modules/dissemination/inbox.server";
import { clock } from "~/utils/clock";
import { actingAs } from "./people";

/**
 * The demo's dissemination: a threat briefing on the Telford county line, drafted by Alex (analyst),
 * approved by Sam (a supervisor other than the author) and sent to Telford & Wrekin Council, read and
 * acknowledged by Mark (Telford's manager), who asks for more; Alex answers. Written through the
 * dissemination module's own functions, as those people, at past times, so the records, the read
 * receipt and the audit trail agree. Runs once (it looks for its own title).
 *
 * The threat is found by title (containing "Telford") among West Mercia Police's county line
 * threats; without one, an approved sanitised report of Telford intelligence is disseminated instead.
 */
const TITLE = "County line into Brookside, Telford: briefing for partners";
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export async function seedDissemination(prisma: PrismaClient, seededAt = clock.now()): Promise<void> {
  if (await prisma.dissemination.findFirst({ where: { title: TITLE }, select: { id: true } })) return;
  const force = await prisma.organisation.findFirst({ where: { name: "West Mercia Police" }, select: { id: true } });
  const telford = await prisma.organisation.findFirst({ where: { name: "Telford & Wrekin Council" }, select: { id: true } });
  if (!force || !telford) return;

  const threat = await prisma.threat.findFirst({
    where: {
      organisationId: force.id,
      title: { contains: "Telford", mode: "insensitive" },
      OR: [{ kind: "COUNTY_LINE" }, { threatType: "COUNTY_LINES" }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const report = threat
    ? null
    : await prisma.sanitisedReport.findFirst({
        where: { status: "APPROVED", submission: { area: { code: "TELFORD_WREKIN" } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true },
      });
  const source: DisseminationSource | null = threat
    ? { kind: "THREAT_BRIEFING", id: threat.id }
    : report
      ? { kind: "SANITISED_REPORT", id: report.id }
      : null;
  if (!source) return;

  // Built when each step runs, so the ability sees the step's (past) time.
  const as = actingAs;
  const sentAt = seededAt.getTime() - 10 * DAY;

  const { id } = await clock.at(new Date(sentAt), async () =>
    createDissemination(await as("alex.analyst@westmercia.police.example"), source, {
      formToken: randomUUID(),
      // The threat's intelligence includes OFFICIAL-SENSITIVE reports: a briefing on it is never classified lower.
      classification: "OFFICIAL_SENSITIVE",
      dataCategories: ["INTELLIGENCE_NARRATIVE", "ADDRESSES_AND_LOCATIONS"],
      title: TITLE,
      body:
        "A Birmingham-based county line is supplying crack cocaine and heroin in the Brookside area of Telford, using local " +
        "teenagers to run drugs and at least one flat taken over from a vulnerable tenant (cuckooing). Police are disrupting " +
        "the line. We ask the council to check tenancies in the blocks around Brookside Avenue for signs of cuckooing, and " +
        "to refer any child seen with unexplained money, phones or travel to children's services.",
      handlingCode: "C",
      handlingConditions: "Do not disclose to tenants or residents that police are involved. Consult West Mercia Police before any enforcement action.",
      recipientIds: [telford.id],
    }),
  );
  await clock.at(new Date(sentAt + 3 * HOUR), async () =>
    decideDissemination(await as("sam.supervisor@westmercia.police.example"), {
      formToken: randomUUID(),
      disseminationId: id,
      decision: "approve",
      reason: null,
    }),
  );
  await clock.at(new Date(sentAt + 1 * DAY), async () => {
    const mark = await as("mark.manager@telford.gov.example");
    await inboxItem(mark, id);
    await acknowledgeDissemination(mark, id, { formToken: randomUUID() });
  });
  await clock.at(new Date(sentAt + 1 * DAY + 20 * 60 * 1000), async () =>
    requestMoreInformation(await as("mark.manager@telford.gov.example"), id, {
      formToken: randomUUID(),
      question: "Which blocks around Brookside Avenue should our tenancy officers visit first? We want to prioritise welfare checks.",
    }),
  );
  const request = await prisma.informationRequest.findFirstOrThrow({ where: { disseminationId: id }, select: { id: true } });
  await clock.at(new Date(sentAt + 2 * DAY), async () =>
    answerInformationRequest(await as("alex.analyst@westmercia.police.example"), id, {
      formToken: randomUUID(),
      requestId: request.id,
      outcome: "answer",
      response: "Start with Grange Court and the two blocks facing it on Brookside Avenue; we have no concerns about the other blocks at present.",
    }),
  );
}
