import { Prisma } from "~/generated/prisma/client";
import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { claimFormToken } from "~/utils/form-token.server";
import { keysetPage, keysetQuery, type KeysetParams } from "~/utils/keyset";

type Auth = Pick<AuthenticatedRequest, "user" | "ability" | "audit">;

/**
 * The good practice log: what worked, recorded by partners and police, optionally linked to a
 * threat, a 4P action, a Clear, Hold, Build plan or an outcome the author can see. Read by the
 * author's organisation and by organisations sharing an agreement in force with it
 * (authorization/rules/profiles.ts). Paged by reference (the order entries were recorded).
 */
export const GOOD_PRACTICE_PAGE_SIZE = 20;

export interface GoodPracticeFilters {
  q?: string;
  areaId?: string;
}

export async function listGoodPractice(auth: Auth, filters: GoodPracticeFilters, paging: KeysetParams) {
  const page = keysetQuery("reference", paging, GOOD_PRACTICE_PAGE_SIZE);
  const text = filters.q
    ? {
        OR: [
          { title: { contains: filters.q, mode: "insensitive" as const } },
          { whatWorked: { contains: filters.q, mode: "insensitive" as const } },
          { whatResulted: { contains: filters.q, mode: "insensitive" as const } },
        ],
      }
    : {};
  const rows = await prisma.goodPractice.findMany({
    where: { AND: [accessibleWhere(auth.ability, "read", "GoodPractice"), text, filters.areaId ? { areaId: filters.areaId } : {}, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: {
      id: true,
      reference: true,
      title: true,
      whatWorked: true,
      whatResulted: true,
      createdAt: true,
      highlighted: true,
      organisation: { select: { name: true } },
      area: { select: { name: true } },
      threatId: true,
      actionId: true,
      areaPlanId: true,
      outcomeId: true,
    },
  });
  const result = keysetPage(rows, paging, GOOD_PRACTICE_PAGE_SIZE, (row) => row.reference);
  const links = await visibleLinks(auth, result.items);
  await audit(auth.audit, {
    action: "good_practice.listed",
    details: { count: result.items.length, filters: { q: filters.q ?? null, areaId: filters.areaId ?? null } },
  });
  return {
    ...result,
    items: result.items.map(({ threatId, actionId, areaPlanId, outcomeId, ...item }) => ({
      ...item,
      // Only what the reader may see of the linked record: its reference.
      linkedTo: [threatId, actionId, areaPlanId, outcomeId].map((id) => (id ? links.get(id) : undefined)).filter((r): r is string => Boolean(r)),
    })),
  };
}

/** References of the linked records the reader may read (a page's worth: four bounded lookups). */
async function visibleLinks(auth: Auth, items: { threatId: string | null; actionId: string | null; areaPlanId: string | null; outcomeId: string | null }[]) {
  const ids = (key: "threatId" | "actionId" | "areaPlanId" | "outcomeId") => items.map((i) => i[key]).filter((id): id is string => id !== null);
  const select = { id: true, reference: true } as const;
  const [threats, actions, plans, outcomes] = await Promise.all([
    prisma.threat.findMany({ where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { id: { in: ids("threatId") } }] }, select }),
    prisma.planAction.findMany({ where: { AND: [accessibleWhere(auth.ability, "read", "PlanAction"), { id: { in: ids("actionId") } }] }, select }),
    prisma.areaPlan.findMany({ where: { AND: [accessibleWhere(auth.ability, "read", "AreaPlan"), { id: { in: ids("areaPlanId") } }] }, select }),
    prisma.outcome.findMany({ where: { AND: [accessibleWhere(auth.ability, "read", "Outcome"), { id: { in: ids("outcomeId") } }] }, select }),
  ]);
  return new Map([...threats, ...actions, ...plans, ...outcomes].map((r) => [r.id, r.reference]));
}

/** Before the form is read: only those who may record good practice get past (403 otherwise). */
export async function requireGoodPracticeAuthor(auth: Auth) {
  if (!auth.ability.can("create", "GoodPractice")) return deny(auth, { action: "good_practice.recorded", reason: "ACTION_NOT_PERMITTED", status: 403 });
}

export interface GoodPracticeInput {
  title: string;
  whatWorked: string;
  whatResulted: string;
  areaId?: string;
  linkReference?: string;
  formToken: string;
}

export type RecordResult = { ok: true; location: string } | { ok: false; errors: Record<string, string> };

/** The record a reference names, among the threats, actions, plans and outcomes the user may read. */
async function resolveLink(auth: Auth, reference: string) {
  const where = { reference };
  const [threat, action, plan, outcome] = await Promise.all([
    prisma.threat.findFirst({ where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), where] }, select: { id: true } }),
    prisma.planAction.findFirst({ where: { AND: [accessibleWhere(auth.ability, "read", "PlanAction"), where] }, select: { id: true } }),
    prisma.areaPlan.findFirst({ where: { AND: [accessibleWhere(auth.ability, "read", "AreaPlan"), where] }, select: { id: true } }),
    prisma.outcome.findFirst({ where: { AND: [accessibleWhere(auth.ability, "read", "Outcome"), where] }, select: { id: true } }),
  ]);
  if (threat) return { threatId: threat.id };
  if (action) return { actionId: action.id };
  if (plan) return { areaPlanId: plan.id };
  if (outcome) return { outcomeId: outcome.id };
  return null;
}

export async function recordGoodPractice(auth: Auth, input: GoodPracticeInput): Promise<RecordResult> {
  await requireGoodPracticeAuthor(auth);
  const link = input.linkReference ? await resolveLink(auth, input.linkReference) : {};
  if (link === null) return { ok: false, errors: { linkReference: "No threat, action, plan or outcome you can see has that reference" } };
  if (input.areaId && !(await prisma.area.findUnique({ where: { id: input.areaId }, select: { id: true } }))) {
    return { ok: false, errors: { areaId: "Choose an area from the list" } };
  }
  const location = "/good-practice?done=1";
  // References are numbered in order; two people recording at once may collide on the unique
  // reference, so the second tries again with the next number.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await prisma.$transaction(async (tx) => {
        const claim = await claimFormToken(tx, input.formToken, auth.user.id, location);
        if (!claim.firstUse) {
          return claim.location ? { ok: true as const, location: claim.location } : { ok: false as const, errors: { form: "This form has expired. Reload the page and try again." } };
        }
        const count = await tx.goodPractice.count();
        const reference = `GP-${String(count + 1).padStart(6, "0")}`;
        const created = await tx.goodPractice.create({
          data: {
            reference,
            title: input.title,
            whatWorked: input.whatWorked,
            whatResulted: input.whatResulted,
            organisationId: auth.user.organisationId,
            authorId: auth.user.id,
            areaId: input.areaId ?? null,
            ...link,
            createdAt: clock.now(),
          },
          select: { id: true, reference: true },
        });
        await recordAuditEvent(tx, auth.audit, {
          action: "good_practice.recorded",
          recordType: "GoodPractice",
          recordId: created.id,
          recordOrganisationId: auth.user.organisationId,
          details: { reference: created.reference, areaId: input.areaId ?? null, link: input.linkReference ?? null },
        });
        return { ok: true as const, location };
      });
    } catch (error) {
      if (attempt < 2 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}
