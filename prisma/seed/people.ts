import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { sessionUserSelect } from "~/modules/auth/session.server";
import { defineAbilityFor } from "~/modules/authorization/ability.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";

/**
 * The demo history is written by the domain services themselves, as the people concerned, with
 * the clock set to when they acted: so every record's own dates, its history and the audit trail
 * agree (issue 10, "an honest demo"). These helpers give a seed step a person and a moment.
 */

export type DemoActor = Pick<AuthenticatedRequest, "user" | "ability" | "audit">;

/** The address and browser the demo's people appear to use (a documentation address range). */
const DEMO_ADDRESS = "192.0.2.10";
export const DEMO_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36";

/** The person with this email, as a signed-in request would see them at the clock's time. */
export async function actingAs(email: string): Promise<DemoActor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: sessionUserSelect });
  return {
    user,
    ability: defineAbilityFor({ ...user, organisationType: user.organisation.type }, clock.now()),
    audit: {
      actor: { userId: user.id, email: user.email, organisationId: user.organisationId, roles: user.roles },
      ipAddress: DEMO_ADDRESS,
      userAgent: DEMO_USER_AGENT,
    },
  };
}

/**
 * The person with this email, whose ability is built afresh each time it is read: for a seed step
 * that acts as one person at several clock times.
 */
export async function actingAtEachStep(email: string): Promise<DemoActor> {
  const actor = await actingAs(email);
  const { user } = actor;
  return {
    user,
    audit: actor.audit,
    get ability() {
      return defineAbilityFor({ ...user, organisationType: user.organisation.type }, clock.now());
    },
  };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * A moment `daysAgo` days before `seededAt`, at a UK working-day time (hour and minute in UTC, close
 * enough to London time for a demo): the seed's timeline is relative to when it runs.
 */
export function daysBefore(seededAt: Date, daysAgo: number, hour = 10, minute = 0): Date {
  const day = new Date(seededAt.getTime() - daysAgo * DAY);
  day.setUTCHours(hour, minute, 0, 0);
  // Never after the seed itself (a "today" step seeded early in the morning).
  return day.getTime() > seededAt.getTime() ? new Date(seededAt.getTime() - 60_000) : day;
}

/** Runs `work` as `email` at `time`: the clock is set first, so the ability and every write see that time. */
export function asAt<T>(time: Date, email: string, work: (actor: DemoActor) => Promise<T>): Promise<T> {
  return clock.at(time, async () => work(await actingAs(email)));
}
