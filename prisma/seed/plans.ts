import type { PrismaClient } from "~/generated/prisma/client";
import type { OutcomeKind } from "~/generated/prisma/enums";
import { recordOutcome } from "~/modules/outcomes/outcomes.server";
import { createAction, recordProgress } from "~/modules/plans/actions.server";
import { addMilestone, achieveMilestone, changePhase, createAreaPlan } from "~/modules/plans/area-plans.server";
import { startOfUkDay } from "~/modules/plans/dates";
import { clock } from "~/utils/clock";
import { newFormToken } from "~/utils/form-token.server";
import { actingAtEachStep, daysBefore } from "./people";

/**
 * Demo 4P plan, Clear, Hold, Build plan and outcomes, made through the plans module's own
 * functions as the people concerned, each at a realistic past time (clock.at), so every record's
 * history and the audit trail agree. Idempotent: each part is skipped when it is already there.
 *
 * The outcomes add up exactly to West Mercia's published year (DEMO_YEAR_TOTALS), spread over the
 * last twelve months and the four areas by fixed weights (no randomness: every run is the same).
 */

const DAY = 86_400_000;

export const TELFORD_THREAT_TITLE = "Dee line: county line supplying Brookside, Telford";
export const OSWESTRY_PLAN_NAME = "Oswestry Clear, Hold, Build";

/** The force's published year: what the seeded outcomes add up to. Money in pence. */
export const DEMO_YEAR_TOTALS = {
  arrests: 484,
  drugsValuePence: 98_745_000n, // £987,450
  cashPence: 29_630_000n, // £296,300
  weapons: 167,
  safeguarded: 164,
} as const;

const AREA_WEIGHTS: [code: string, weight: number][] = [
  ["TELFORD_WREKIN", 30],
  ["SHROPSHIRE", 22],
  ["HEREFORDSHIRE", 15],
  ["WORCESTERSHIRE", 33],
];

/** Splits `total` units over weighted cells exactly (largest remainder; ties by position). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

interface DemoOutcome {
  kind: OutcomeKind;
  areaCode: string;
  occurredOn: Date;
  quantity: number;
  valuePence: bigint | null;
  drugType: string | null;
  drugQuantityGrams: number | null;
  sentenceMonths: number | null;
}

const DRUGS = ["Crack cocaine", "Heroin", "Cocaine", "Cannabis", "MDMA"];

/**
 * The demo outcomes for the twelve months before `now`. The headline kinds have a record in two of
 * the four areas every month (taking turns, so each area has every kind through the year); the
 * rest one quarter in three. Seasonal variation comes from fixed sine weights. Few enough records
 * that the demo seeds in seconds.
 */
export function demoOutcomes(now: Date): DemoOutcome[] {
  type Cell = { areaCode: string; monthsAgo: number; weight: number; index: number };
  const cellsFor = (kindIndex: number, months: number[]): Cell[] =>
    months.flatMap((monthsAgo) =>
      [0, 2].map((step) => {
        const a = (monthsAgo + kindIndex + step) % AREA_WEIGHTS.length;
        const [areaCode, areaWeight] = AREA_WEIGHTS[a]!;
        const seasonal = 1 + 0.3 * Math.sin(monthsAgo * 1.3 + a * 0.9);
        return { areaCode, monthsAgo, weight: Math.round(areaWeight * seasonal * 100), index: monthsAgo * 4 + a };
      }),
    );
  const EVERY_MONTH = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
  const QUARTERLY = [10, 7, 4, 1];
  const dayOf = (c: Cell, kindIndex: number) =>
    startOfUkDay(new Date(now.getTime() - (c.monthsAgo * 30.4 + 1 + ((c.index * 7 + kindIndex * 3) % 27)) * DAY));

  const outcomes: DemoOutcome[] = [];
  const plain = (kind: OutcomeKind, total: number, kindIndex: number, months: number[], extra: (c: Cell) => Partial<DemoOutcome> = () => ({})) => {
    const cells = cellsFor(kindIndex, months);
    apportion(total, cells.map((c) => c.weight)).forEach((quantity, i) => {
      if (quantity === 0) return;
      const c = cells[i]!;
      outcomes.push({ kind, areaCode: c.areaCode, occurredOn: dayOf(c, kindIndex), quantity, valuePence: null, drugType: null, drugQuantityGrams: null, sentenceMonths: null, ...extra(c) });
    });
  };
  const money = (kind: OutcomeKind, totalPence: bigint, kindIndex: number, extra: (c: Cell, pence: bigint) => Partial<DemoOutcome>) => {
    const cells = cellsFor(kindIndex, EVERY_MONTH);
    // In £50 units, so every seizure is a plausible round sum and the total is exact.
    apportion(Number(totalPence / 5_000n), cells.map((c) => c.weight)).forEach((units, i) => {
      if (units === 0) return;
      const c = cells[i]!;
      const pence = BigInt(units) * 5_000n;
      outcomes.push({ kind, areaCode: c.areaCode, occurredOn: dayOf(c, kindIndex), quantity: 1, valuePence: pence, drugType: null, drugQuantityGrams: null, sentenceMonths: null, ...extra(c, pence) });
    });
  };
  plain("ARREST", DEMO_YEAR_TOTALS.arrests, 0, EVERY_MONTH);
  plain("CHARGE", 312, 1, QUARTERLY);
  plain("CONVICTION", 96, 2, QUARTERLY, (c) => ({ sentenceMonths: 12 + ((c.index * 11) % 72) }));
  money("DRUGS_SEIZED", DEMO_YEAR_TOTALS.drugsValuePence, 3, (c, pence) => ({
    drugType: DRUGS[c.index % DRUGS.length]!,
    // Roughly £40 a gram at street prices.
    drugQuantityGrams: Math.max(1, Math.round(Number(pence) / 100 / 40)),
  }));
  money("CASH_SEIZED", DEMO_YEAR_TOTALS.cashPence, 4, () => ({}));
  plain("WEAPONS_RECOVERED", DEMO_YEAR_TOTALS.weapons, 5, EVERY_MONTH);
  plain("PEOPLE_SAFEGUARDED", DEMO_YEAR_TOTALS.safeguarded, 6, EVERY_MONTH);
  plain("CLOSURE_ORDER", 24, 7, QUARTERLY);
  plain("DISRUPTION", 71, 8, QUARTERLY);
  // Oldest first, so references rise with time.
  return outcomes.sort((a, b) => a.occurredOn.getTime() - b.occurredOn.getTime() || a.kind.localeCompare(b.kind) || a.areaCode.localeCompare(b.areaCode));
}

function must<T extends { ok: boolean }>(result: T | null, what: string): Extract<T, { ok: true }> {
  if (!result || !isOk(result)) throw new Error(`Demo seed: could not create ${what}: ${JSON.stringify(result)}`);
  return result;
}

function isOk<T extends { ok: boolean }>(result: T): result is Extract<T, { ok: true }> {
  return result.ok;
}

export async function seedPlans(prisma: PrismaClient, nowMs = Date.now()): Promise<void> {
  const now = new Date(nowMs);
  const at = (daysAgo: number, hour = 10) => daysBefore(now, daysAgo, hour);
  const day = (offsetDays: number) => startOfUkDay(new Date(nowMs + offsetDays * DAY));
  const analyst = await actingAtEachStep("alex.analyst@westmercia.police.example");
  const supervisor = await actingAtEachStep("sam.supervisor@westmercia.police.example");
  const telfordManager = await actingAtEachStep("mark.manager@telford.gov.example");
  const organisation = (name: string) => prisma.organisation.findUniqueOrThrow({ where: { name }, select: { id: true } }).then((o) => o.id);
  const police = analyst.user.organisationId;
  const telford = await organisation("Telford & Wrekin Council");
  const shropshire = await organisation("Shropshire Council");
  const areas = await prisma.area.findMany({ select: { id: true, code: true } });
  const areaId = (code: string) => areas.find((a) => a.code === code)!.id;

  // ── The Telford county line's 4P plan ──
  let threat = await prisma.threat.findFirst({ where: { title: TELFORD_THREAT_TITLE }, select: { id: true, createdAt: true } });
  if (!threat) {
    // Only when no threats seed made it (the intelligence seed normally does).
    threat = await clock.at(at(55), () =>
      prisma.threat.create({
        data: {
          reference: `THR-${now.getUTCFullYear()}-DEMO`,
          title: TELFORD_THREAT_TITLE,
          kind: "COUNTY_LINE",
          threatType: "COUNTY_LINES",
          status: "ACTIVE",
          organisationId: police,
          leadAnalystId: analyst.user.id,
          areas: { connect: { code: "TELFORD_WREKIN" } },
          createdAt: clock.now(),
        },
        select: { id: true, createdAt: true },
      }),
    );
  }
  const threatId = threat.id;
  if ((await prisma.planAction.count({ where: { threatId } })) === 0) {
    const plan = `/threats/${threatId}/plan?added=1`;
    const add = (daysAgo: number, form: Omit<Parameters<typeof createAction>[2], "formToken">) =>
      clock.at(at(daysAgo), async () => must(await createAction(analyst, { threatId }, { formToken: newFormToken(), ...form }, plan), form.title));
    await add(40, { strand: "PURSUE", title: "Disrupt the Dee line: attribute the handset and arrest the line holders", description: "Covert phase with the ROCU; warrants when the line holder is identified.", ownerOrganisationId: police, dueDate: day(30) });
    await add(40, { strand: "PREVENT", title: "Exploitation awareness sessions for Brookside schools and youth workers", description: "Spot the signs of children being groomed to run drugs.", ownerOrganisationId: telford, dueDate: day(21) });
    await add(38, { strand: "PROTECT", title: "Safe and well visits to cuckooed tenants at Grange Court", description: "With Severn Vale Housing: tenancy support and target hardening.", ownerOrganisationId: telford, dueDate: day(-5) });
    await add(38, { strand: "PREPARE", title: "Community reassurance plan for Brookside after the warrants", description: null, ownerOrganisationId: police, dueDate: day(60) });
    const visits = await prisma.planAction.findFirstOrThrow({ where: { threatId, strand: "PROTECT" }, select: { id: true } });
    await clock.at(at(12), () => recordProgress(telfordManager, visits.id, { intent: "progress", status: "IN_PROGRESS", result: "Four of seven flats visited; two tenants accepted support." }));
  }

  // ── Oswestry Clear, Hold, Build, now in the Hold phase ──
  let areaPlan = await prisma.areaPlan.findFirst({ where: { name: OSWESTRY_PLAN_NAME }, select: { id: true } });
  if (!areaPlan) {
    const created = await clock.at(at(120), async () =>
      must(
        await createAreaPlan(supervisor, {
          formToken: newFormToken(),
          name: OSWESTRY_PLAN_NAME,
          neighbourhood: "Oswestry town centre",
          areaId: areaId("SHROPSHIRE"),
          phase: "CLEAR",
          clearStart: day(-120),
          holdStart: day(-30),
          buildStart: day(60),
          endDate: day(240),
          summary: "Clear the town centre of the groups dealing from short-let flats, hold it with patrols and housing action, and build resilience with Shropshire Council, schools and the community.",
          partnerIds: [shropshire],
          threatIds: [],
        }),
        "the Oswestry plan",
      ),
    );
    const id = /\/area-plans\/([0-9a-f-]{36})/.exec(created.location)![1]!;
    areaPlan = { id };
    const here = `/area-plans/${id}?saved=milestone`;
    const milestones: [daysAgo: number, phase: "CLEAR" | "HOLD" | "BUILD", title: string, due: number, achievedDaysAgo: number | null][] = [
      [118, "CLEAR", "Warrants executed at the three dealing addresses", -95, 96],
      [118, "CLEAR", "Closure orders on the two short-let flats", -60, 58],
      [35, "HOLD", "Neighbourhood patrol plan agreed with Shropshire Council", -25, 27],
      [35, "HOLD", "Residents' walkabout with the community safety team", 14, null],
      [35, "BUILD", "Youth provision funded for the summer", 90, null],
    ];
    for (const [daysAgo, phase, title, due] of milestones) {
      await clock.at(at(daysAgo), () => addMilestone(supervisor, id, { formToken: newFormToken(), milestonePhase: phase, milestoneTitle: title, milestoneDue: day(due) }, here));
    }
    await clock.at(at(30), () =>
      changePhase(supervisor, id, { intent: "phase", phase: "HOLD", clearStart: day(-120), holdStart: day(-30), buildStart: day(60), endDate: day(240) }),
    );
    const rows = await prisma.areaPlanMilestone.findMany({ where: { areaPlanId: id }, select: { id: true, title: true } });
    for (const [, , title, , achievedDaysAgo] of milestones) {
      if (achievedDaysAgo === null) continue;
      await clock.at(at(achievedDaysAgo, 16), () => achieveMilestone(supervisor, id, rows.find((r) => r.title === title)!.id));
    }
    const actionsHere = `/area-plans/${id}?saved=action`;
    await clock.at(at(29), async () => {
      must(await createAction(supervisor, { areaPlanId: id }, { formToken: newFormToken(), strand: "PURSUE", title: "High-visibility patrols on Church Street and the Bailey Head", description: null, ownerOrganisationId: police, dueDate: day(45) }, actionsHere), "patrols");
      must(await createAction(supervisor, { areaPlanId: id }, { formToken: newFormToken(), strand: "PROTECT", title: "Tenancy checks on short-let flats used for dealing", description: "Housing enforcement with landlords.", ownerOrganisationId: shropshire, dueDate: day(20) }, actionsHere), "tenancy checks");
    });
  }

  // ── A year of outcomes ──
  if ((await prisma.outcome.count()) === 0) {
    const plan = await prisma.areaPlan.findUniqueOrThrow({ where: { id: areaPlan.id }, select: { createdAt: true } });
    for (const outcome of demoOutcomes(now)) {
      const recordedAt = new Date(outcome.occurredOn.getTime() + 15 * 3_600_000);
      const telfordLine = outcome.areaCode === "TELFORD_WREKIN" && outcome.occurredOn > threat.createdAt;
      const oswestry = outcome.areaCode === "SHROPSHIRE" && outcome.occurredOn > plan.createdAt;
      await clock.at(recordedAt, async () =>
        must(
          await recordOutcome(analyst, {
            formToken: newFormToken(),
            kind: outcome.kind,
            occurredOn: outcome.occurredOn,
            areaId: areaId(outcome.areaCode),
            quantity: outcome.quantity,
            valuePence: outcome.valuePence,
            drugType: outcome.drugType,
            drugQuantityGrams: outcome.drugQuantityGrams ?? undefined,
            sentenceMonths: outcome.sentenceMonths ?? undefined,
            description: null,
            threatId: telfordLine ? threatId : undefined,
            actionId: undefined,
            areaPlanId: oswestry ? areaPlan.id : undefined,
          }),
          `an outcome (${outcome.kind})`,
        ),
      );
    }
  }
}
