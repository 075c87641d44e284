import { subject } from "@casl/ability";
import { Prisma } from "~/generated/prisma/client";
import { changedFields } from "~/modules/administration/changes";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { notFound } from "~/modules/auth/auth.server";
import { accessibleWhere, type AppAbility } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import { keysetPage, keysetQuery, type KeysetParams } from "~/utils/keyset";
import type { OrganisationForm } from "./organisation-form";

export const ORGANISATIONS_PAGE_SIZE = 50;
/** Bound for organisation pickers; a region has tens, a national deployment a few hundred. */
const ORGANISATION_OPTIONS_LIMIT = 1000;

type Actor = Pick<AuthenticatedRequest, "ability" | "audit" | "user">;

/** One page of organisations by name, with the areas each covers and its number of users. */
export async function listOrganisations(ability: AppAbility, page: KeysetParams) {
  const query = keysetQuery("name", page, ORGANISATIONS_PAGE_SIZE);
  const rows = await prisma.organisation.findMany({
    where: { AND: [accessibleWhere(ability, "read", "Organisation"), query.where] },
    orderBy: query.orderBy,
    take: query.take,
    select: {
      id: true,
      name: true,
      shortName: true,
      type: true,
      areas: { select: { name: true }, orderBy: { name: "asc" } },
      _count: { select: { users: true } },
    },
  });
  return keysetPage(rows, page, ORGANISATIONS_PAGE_SIZE, (row) => row.name);
}

/** Organisations for a picker (id and name), by name. */
export async function organisationOptions(ability: AppAbility) {
  return prisma.organisation.findMany({
    where: accessibleWhere(ability, "read", "Organisation"),
    orderBy: { name: "asc" },
    take: ORGANISATION_OPTIONS_LIMIT,
    select: { id: true, name: true },
  });
}

export async function listAreas() {
  return prisma.area.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function countOrganisations(ability: AppAbility) {
  return prisma.organisation.count({ where: accessibleWhere(ability, "read", "Organisation") });
}

/** The organisation, or a 404 if it does not exist or the user may not see it. */
export async function getOrganisation(ability: AppAbility, id: string) {
  if (!isUuid(id)) throw notFound();
  const organisation = await prisma.organisation.findFirst({
    where: { AND: [accessibleWhere(ability, "read", "Organisation"), { id }] },
    select: {
      id: true,
      name: true,
      shortName: true,
      type: true,
      createdAt: true,
      updatedAt: true,
      areas: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      _count: { select: { users: true } },
    },
  });
  if (!organisation) throw notFound();
  return organisation;
}

export type SaveResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

export async function createOrganisation(actor: Actor, input: OrganisationForm): Promise<SaveResult> {
  if (!actor.ability.can("create", "Organisation")) throw notFound();
  const areaError = await unknownAreaError(input.areas);
  if (areaError) return areaError;
  try {
    const id = await prisma.$transaction(async (tx) => {
      const created = await tx.organisation.create({
        data: {
          name: input.name,
          shortName: input.shortName || null,
          type: input.type,
          areas: { connect: input.areas.map((areaId) => ({ id: areaId })) },
        },
        select: { id: true, areas: { select: { name: true } } },
      });
      await recordAuditEvent(tx, actor.audit, {
        action: "admin.organisation_created",
        recordType: "Organisation",
        recordId: created.id,
        details: {
          name: input.name,
          shortName: input.shortName || null,
          type: input.type,
          areas: created.areas.map((a) => a.name).sort(),
        },
      });
      return created.id;
    });
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { name: "An organisation with this name already exists" } };
    throw error;
  }
}

export async function updateOrganisation(actor: Actor, id: string, input: OrganisationForm): Promise<SaveResult> {
  const current = await getOrganisation(actor.ability, id);
  if (!actor.ability.can("update", subject("Organisation", current))) {
    throw notFound();
  }
  const areaError = await unknownAreaError(input.areas);
  if (areaError) return areaError;
  try {
    await prisma.$transaction(async (tx) => {
      // Lock and re-read: the audited old values and the update rule are checked against the row
      // this transaction changes, not the one read before it (another administrator may have saved).
      await tx.$executeRaw`SELECT 1 FROM "Organisation" WHERE "id" = ${id}::uuid FOR UPDATE`;
      const before = await tx.organisation.findUniqueOrThrow({ where: { id }, include: { areas: { select: { name: true } } } });
      if (!actor.ability.can("update", subject("Organisation", before))) throw notFound();
      const updated = await tx.organisation.update({
        where: { id },
        data: {
          name: input.name,
          shortName: input.shortName || null,
          type: input.type,
          areas: { set: input.areas.map((areaId) => ({ id: areaId })) },
        },
        select: { areas: { select: { name: true } } },
      });
      const changes = changedFields(
        { name: before.name, shortName: before.shortName, type: before.type, areas: before.areas.map((a) => a.name) },
        { name: input.name, shortName: input.shortName || null, type: input.type, areas: updated.areas.map((a) => a.name) },
      );
      if (Object.keys(changes).length === 0) return;
      await recordAuditEvent(tx, actor.audit, {
        action: "admin.organisation_updated",
        recordType: "Organisation",
        recordId: id,
        details: { changes },
      });
    });
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { name: "An organisation with this name already exists" } };
    throw error;
  }
}

async function unknownAreaError(areaIds: string[]): Promise<SaveResult | null> {
  const found = await prisma.area.count({ where: { id: { in: areaIds } } });
  return found === new Set(areaIds).size ? null : { ok: false, errors: { areas: "Select areas from the list" } };
}

/**
 * A unique constraint refused the write. Prisma reports P2002 on PostgreSQL; pglite-prisma-adapter
 * reports its errors in an older shape that Prisma passes through, with PostgreSQL's code 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  if (!(error instanceof Error) || typeof error.cause !== "object" || error.cause === null) return false;
  return "code" in error.cause && error.cause.code === "23505";
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
