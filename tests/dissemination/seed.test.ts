import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { disseminationForSender } from "~/modules/dissemination/disseminations.server";
import { inboxItem } from "~/modules/dissemination/inbox.server";
import { prisma } from "~/utils/db.server";
import { authFor } from "../intelligence/fixtures";

/** The demo's dissemination: a Telford county line briefing, approved, acknowledged, one request answered. */
beforeAll(async () => {
  await seedDemo(prisma);
}, 180_000);

describe("demo dissemination", () => {
  it("a threat briefing on the Telford county line, sent to Telford with four eyes, acknowledged by Telford's manager, a request answered", async () => {
    const dissemination = await prisma.dissemination.findFirstOrThrow({
      include: { threat: true, author: true, approver: true, recipients: { include: { organisation: true } }, requests: true },
    });
    expect(dissemination.kind).toBe("THREAT_BRIEFING");
    expect(dissemination.threat?.title).toMatch(/Telford/);
    expect(dissemination.status).toBe("APPROVED");
    expect(dissemination.author.email).toBe("alex.analyst@westmercia.police.example");
    expect(dissemination.approver?.email).toBe("sam.supervisor@westmercia.police.example");
    expect(dissemination.recipients.map((r) => r.organisation.name)).toEqual(["Telford & Wrekin Council"]);
    expect(dissemination.requests.map((r) => r.status)).toEqual(["ANSWERED"]);

    const mark = await prisma.user.findUniqueOrThrow({ where: { email: "mark.manager@telford.gov.example" } });
    const seen = await inboxItem(await authFor(mark.id), dissemination.id);
    expect(seen.acknowledgedBy).toBe(mark.name);
    expect(seen.requests[0]?.response).toMatch(/Grange Court/);
    const alex = await prisma.user.findUniqueOrThrow({ where: { email: "alex.analyst@westmercia.police.example" } });
    const sender = await disseminationForSender(await authFor(alex.id), dissemination.id);
    expect(sender.recipients[0]).toMatchObject({ acknowledgedBy: mark.name, inForce: true });
    // The history happened in order, in the past, in the audit trail.
    const events = await prisma.auditEvent.findMany({ where: { recordId: dissemination.id, action: { startsWith: "dissemination." } }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => e.action).slice(0, 4)).toEqual(["dissemination.created", "dissemination.approved", "dissemination.sent", "dissemination.viewed"]);
    expect(events[0]!.occurredAt.getTime()).toBeLessThan(Date.now() - 5 * 24 * 60 * 60 * 1000);
  });

  it("is idempotent", async () => {
    await seedDemo(prisma);
    expect(await prisma.dissemination.count()).toBe(1);
    expect(await prisma.informationRequest.count()).toBe(1);
  });
});
