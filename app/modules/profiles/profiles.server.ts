import { subject } from "@casl/ability";
import type { LocalProfileVersion, Prisma, ProfileVersionStatus } from "~/generated/prisma/client";
import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { claimFormToken } from "~/utils/form-token.server";
import { diffNarrative, type DiffPart } from "./diff";
import { PROFILE_FIGURES, readFigures, type ProfileFigures } from "./figures";

export type Auth = Pick<AuthenticatedRequest, "user" | "ability" | "audit">;

/**
 * SOC local profiles: one per area, owned by a force. Police analysts and supervisors draft a new
 * version (narrative and aggregate figures); a supervisor who did not write it approves its
 * publication (four eyes); partners under an agreement in force with the force read the published
 * version. Every version is kept, and any version can be compared with the one before it.
 * Who may do what is in authorization/rules/profiles.ts; writes re-check it inside their transaction.
 */

/** A profile has a few versions a year; the bound only guards against a mistake. */
const VERSION_LIMIT = 200;

/** Open work on a profile: at most one version at a time is being drafted or awaiting approval. */
const OPEN_STATUSES: ProfileVersionStatus[] = ["DRAFT", "AWAITING_APPROVAL"];

export class ProfileProblem extends Error {}

export async function listProfiles(auth: Auth) {
  const readable = accessibleWhere(auth.ability, "read", "LocalProfile");
  const [profiles, startable] = await Promise.all([
    prisma.localProfile.findMany({
      where: readable,
      orderBy: { area: { name: "asc" } },
      select: {
        id: true,
        area: { select: { name: true } },
        organisation: { select: { name: true } },
        versions: {
          where: accessibleWhere(auth.ability, "read", "LocalProfileVersion"),
          orderBy: { number: "desc" },
          take: 1,
          select: { number: true, status: true },
        },
      },
    }),
    // Areas the user's force covers that have no profile yet (police who may start one).
    auth.ability.can("create", "LocalProfile")
      ? prisma.area.findMany({
          where: { organisations: { some: { id: auth.user.organisationId } }, localProfile: { is: null } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : Promise.resolve([]),
  ]);
  const published = await prisma.localProfileVersion.findMany({
    where: { AND: [accessibleWhere(auth.ability, "read", "LocalProfileVersion"), { status: "PUBLISHED", profileId: { in: profiles.map((p) => p.id) } }] },
    select: { profileId: true, number: true, publishedAt: true },
  });
  const publishedBy = new Map(published.map((v) => [v.profileId, v]));
  await audit(auth.audit, { action: "profile.listed", details: { count: profiles.length } });
  return {
    profiles: profiles.map((p) => ({
      id: p.id,
      areaName: p.area.name,
      ownerName: p.organisation.name,
      latest: p.versions[0] ?? null,
      published: publishedBy.get(p.id) ?? null,
    })),
    startable,
  };
}

/** Before the start form is read: only those who may start a profile get past (403 otherwise). */
export async function requireProfileStart(auth: Auth) {
  if (!auth.ability.can("create", "LocalProfile")) return deny(auth, { action: "profile.created", reason: "ACTION_NOT_PERMITTED", status: 403 });
}

/** Starts the profile of an area the user's force covers; returns its id. */
export async function startProfile(auth: Auth, areaId: string, formToken: string): Promise<{ id: string } | { repeatOf: string | null } | { error: string }> {
  if (!auth.ability.can("create", subject("LocalProfile", { id: "", areaId, organisationId: auth.user.organisationId, createdAt: clock.now() }))) {
    return deny(auth, { action: "profile.created", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
  return prisma.$transaction(async (tx) => {
    const area = await tx.area.findFirst({
      where: { id: areaId, organisations: { some: { id: auth.user.organisationId } } },
      select: { id: true, localProfile: { select: { id: true } } },
    });
    if (!area) throw new ProfileProblem("Choose an area your force covers");
    if (area.localProfile) return { id: area.localProfile.id };
    const profile = await tx.localProfile.create({ data: { areaId: area.id, organisationId: auth.user.organisationId, createdAt: clock.now() }, select: { id: true } });
    const claim = await claimFormToken(tx, formToken, auth.user.id, `/profiles/${profile.id}`);
    if (!claim.firstUse) throw new RepeatedForm(claim.location);
    await recordAuditEvent(tx, auth.audit, {
      action: "profile.created",
      recordType: "LocalProfile",
      recordId: profile.id,
      recordOrganisationId: auth.user.organisationId,
      details: { areaId: area.id },
    });
    return profile;
  }).catch((error: unknown) => {
    if (error instanceof RepeatedForm) return { repeatOf: error.location };
    if (error instanceof ProfileProblem) return { error: error.message };
    throw error;
  });
}

/** A form submitted twice: the transaction rolls back and the repeat goes where the first went. */
class RepeatedForm extends Error {
  constructor(readonly location: string | null) {
    super("Form already used");
  }
}

const versionSelect = {
  id: true,
  profileId: true,
  number: true,
  narrative: true,
  figures: true,
  status: true,
  authorId: true,
  approverId: true,
  decidedAt: true,
  decisionNote: true,
  publishedAt: true,
  createdAt: true,
} satisfies Prisma.LocalProfileVersionSelect;

async function readableProfile(auth: Auth, id: string, attempted: string) {
  const profile = await prisma.localProfile.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "LocalProfile"), { id }] },
    select: { id: true, organisationId: true, area: { select: { name: true } }, organisation: { select: { name: true } } },
  });
  if (!profile) return deny(auth, { action: attempted, recordType: "LocalProfile", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  return profile;
}

/** A version as a CASL subject, with the owning force its rules look at. */
function versionSubject(version: LocalProfileVersion, organisationId: string) {
  return subject("LocalProfileVersion", { ...version, profile: { organisationId } });
}

/** The version the user would create by drafting now, to ask whether they may. */
function prospectiveDraft(auth: Auth, profileId: string): LocalProfileVersion {
  return {
    id: "",
    profileId,
    number: 0,
    narrative: "",
    figures: {},
    status: "DRAFT",
    authorId: auth.user.id,
    approverId: null,
    decidedAt: null,
    decisionNote: null,
    publishedAt: null,
    createdAt: clock.now(),
  };
}

/** The profile page: the published version, and for police every version, what they may do, and a comparison. */
export async function viewProfile(auth: Auth, id: string, compare: number | undefined) {
  const profile = await readableProfile(auth, id, "profile.viewed");
  const versions = await prisma.localProfileVersion.findMany({
    where: { AND: [accessibleWhere(auth.ability, "read", "LocalProfileVersion"), { profileId: profile.id }] },
    orderBy: { number: "desc" },
    take: VERSION_LIMIT,
    select: versionSelect,
  });
  const people = await prisma.user.findMany({
    where: { id: { in: [...new Set(versions.flatMap((v) => [v.authorId, v.approverId]).filter((x): x is string => x !== null))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const shown = versions.map((v) => ({
    ...v,
    figureValues: readFigures(v.figures),
    authorName: nameOf.get(v.authorId) ?? "",
    approverName: v.approverId ? (nameOf.get(v.approverId) ?? "") : null,
    canEdit: auth.ability.can("update", versionSubject(v, profile.organisationId)),
    canSubmit: auth.ability.can("submit", versionSubject(v, profile.organisationId)),
    canDecide: auth.ability.can("approve", versionSubject(v, profile.organisationId)),
  }));
  const published = shown.find((v) => v.status === "PUBLISHED") ?? null;
  const open = shown.find((v) => OPEN_STATUSES.includes(v.status)) ?? null;
  const mayDraft = auth.ability.can("create", versionSubject(prospectiveDraft(auth, profile.id), profile.organisationId));

  let comparison: { from: number; to: number; narrative: DiffPart[]; figures: { label: string; before: number; after: number }[] } | null = null;
  if (compare !== undefined) {
    const to = shown.find((v) => v.number === compare);
    const from = shown.find((v) => v.number < compare);
    if (to && from) {
      comparison = {
        from: from.number,
        to: to.number,
        narrative: diffNarrative(from.narrative, to.narrative),
        figures: PROFILE_FIGURES.map((f) => ({ label: f.label, before: from.figureValues[f.key], after: to.figureValues[f.key] })),
      };
    }
  }
  await audit(auth.audit, {
    action: "profile.viewed",
    recordType: "LocalProfile",
    recordId: profile.id,
    recordOrganisationId: profile.organisationId,
    details: { versions: shown.map((v) => v.number), compared: comparison ? [comparison.from, comparison.to] : null },
  });
  return {
    profile: { id: profile.id, areaName: profile.area.name, ownerName: profile.organisation.name },
    published,
    // Partners see only the published version; the history is the police's working record.
    history: mayDraft ? shown : [],
    open,
    mayDraft,
    comparison,
  };
}

export type SaveDraftResult = { ok: true; location: string } | { ok: false; error: string };

/**
 * Saves the user's draft: a new version (numbered after the last) or their existing draft. Refused
 * while someone else's version is being drafted or awaits approval.
 */
export async function saveDraft(
  auth: Auth,
  profileId: string,
  input: { narrative: string; figures: ProfileFigures; formToken: string },
): Promise<SaveDraftResult> {
  const profile = await readableProfile(auth, profileId, "profile.draft_saved");
  if (!auth.ability.can("create", versionSubject(prospectiveDraft(auth, profile.id), profile.organisationId))) {
    return deny(auth, { action: "profile.draft_saved", recordType: "LocalProfile", recordId: profileId, reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
  const location = `/profiles/${profileId}?done=saved`;
  try {
    return await prisma.$transaction(async (tx) => {
      const claim = await claimFormToken(tx, input.formToken, auth.user.id, location);
      if (!claim.firstUse) return claim.location ? { ok: true as const, location: claim.location } : { ok: false as const, error: "This form has expired. Reload the page and try again." };
      // Re-check inside the transaction: the open version may have changed since the page was shown.
      const open = await tx.localProfileVersion.findFirst({ where: { profileId, status: { in: OPEN_STATUSES } }, select: { id: true, number: true } });
      let versionId: string;
      let number: number;
      if (open) {
        const updated = await tx.localProfileVersion.updateMany({
          where: { AND: [accessibleWhere(auth.ability, "update", "LocalProfileVersion"), { id: open.id }] },
          data: { narrative: input.narrative, figures: input.figures },
        });
        if (updated.count === 0) throw new ProfileProblem(`Version ${open.number} is being drafted or awaits approval: it must be decided before a new version is drafted.`);
        versionId = open.id;
        number = open.number;
      } else {
        const last = await tx.localProfileVersion.aggregate({ where: { profileId }, _max: { number: true } });
        number = (last._max.number ?? 0) + 1;
        const created = await tx.localProfileVersion.create({
          data: { profileId, number, narrative: input.narrative, figures: input.figures, authorId: auth.user.id, createdAt: clock.now() },
          select: { id: true },
        });
        versionId = created.id;
      }
      await recordAuditEvent(tx, auth.audit, {
        action: "profile.draft_saved",
        recordType: "LocalProfile",
        recordId: profileId,
        recordOrganisationId: profile.organisationId,
        details: { versionId, number, figures: input.figures },
      });
      return { ok: true as const, location };
    });
  } catch (error) {
    if (error instanceof ProfileProblem) return { ok: false, error: error.message };
    throw error;
  }
}

/** The author sends their draft for a supervisor's approval. */
export async function submitDraft(auth: Auth, profileId: string, versionId: string) {
  const profile = await readableProfile(auth, profileId, "profile.submitted");
  const done = await prisma.$transaction(async (tx) => {
    const updated = await tx.localProfileVersion.updateMany({
      where: { AND: [accessibleWhere(auth.ability, "submit", "LocalProfileVersion"), { id: versionId, profileId }] },
      data: { status: "AWAITING_APPROVAL" },
    });
    if (updated.count === 0) return false;
    await recordAuditEvent(tx, auth.audit, {
      action: "profile.submitted",
      recordType: "LocalProfile",
      recordId: profileId,
      recordOrganisationId: profile.organisationId,
      details: { versionId },
    });
    return true;
  });
  // Refused after the transaction, which wrote nothing: the denial is recorded on its own.
  if (!done) return deny(auth, { action: "profile.submitted", recordType: "LocalProfile", recordId: profileId, reason: "ACTION_NOT_PERMITTED_ON_RECORD", status: 403 });
}

/**
 * A supervisor who did not write the version publishes it (the previous published version becomes
 * superseded) or rejects it with a reason. The four-eyes condition is re-checked in the transaction.
 */
export async function decideVersion(auth: Auth, profileId: string, input: { versionId: string; decision: "approve" | "reject"; note?: string }) {
  const profile = await readableProfile(auth, profileId, "profile.published");
  const now = clock.now();
  const approve = input.decision === "approve";
  const done = await prisma.$transaction(async (tx) => {
    const where = { AND: [accessibleWhere(auth.ability, "approve", "LocalProfileVersion"), { id: input.versionId, profileId }] };
    if (approve) {
      // Before publishing, so the one published version is always the new one.
      const target = await tx.localProfileVersion.findFirst({ where, select: { id: true } });
      if (target) await tx.localProfileVersion.updateMany({ where: { profileId, status: "PUBLISHED" }, data: { status: "SUPERSEDED" } });
    }
    const updated = await tx.localProfileVersion.updateMany({
      where,
      data: approve
        ? { status: "PUBLISHED", approverId: auth.user.id, decidedAt: now, publishedAt: now, decisionNote: input.note ?? null }
        : { status: "REJECTED", approverId: auth.user.id, decidedAt: now, decisionNote: input.note ?? null },
    });
    // Nothing was superseded unless the version could be published, so returning rolls back nothing.
    if (updated.count === 0) return false;
    await recordAuditEvent(tx, auth.audit, {
      action: approve ? "profile.published" : "profile.rejected",
      recordType: "LocalProfile",
      recordId: profileId,
      recordOrganisationId: profile.organisationId,
      details: { versionId: input.versionId, note: input.note ?? null },
    });
    return true;
  });
  if (!done) {
    return deny(auth, { action: approve ? "profile.published" : "profile.rejected", recordType: "LocalProfile", recordId: profileId, reason: "ACTION_NOT_PERMITTED_ON_RECORD", status: 403 });
  }
}

const INTENT_ACTIONS = { draft: "create", submit: "submit", decide: "approve" } as const;
const INTENT_AUDIT = { draft: "profile.draft_saved", submit: "profile.submitted", decide: "profile.published" } as const;

/**
 * Before an action reads its form: the profile must be readable (else 404) and the user's roles must
 * allow the kind of step at all (else 403). Which version they may act on is checked by the step.
 */
export async function requireProfileStep(auth: Auth, profileId: string, intent: keyof typeof INTENT_ACTIONS) {
  await readableProfile(auth, profileId, INTENT_AUDIT[intent]);
  if (!auth.ability.can(INTENT_ACTIONS[intent], "LocalProfileVersion")) {
    return deny(auth, { action: INTENT_AUDIT[intent], recordType: "LocalProfile", recordId: profileId, reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
}
