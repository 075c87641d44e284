import { Prisma } from "~/generated/prisma/client";
import type { AuditScope } from "~/modules/authorization/audit-scope.server";
import { SECURITY_ACTIONS } from "./actions";

/**
 * The audit scope decided by the authorization module (`auditScopeFor`), rendered for Prisma
 * queries (`auditScopeWhere`) and for the SQL reports (`auditScopeSql`). Every query on the audit
 * trail goes through one of the two, so the database never returns an event outside it.
 */
export { auditScopeFor, type AuditScope } from "~/modules/authorization/audit-scope.server";

export function auditScopeWhere(scope: AuditScope): Prisma.AuditEventWhereInput {
  const or: Prisma.AuditEventWhereInput[] = [];
  if (scope.organisationId) {
    or.push({ actorOrganisationId: scope.organisationId }, { recordOrganisationId: scope.organisationId });
  }
  if (scope.agreementIds.length > 0) {
    or.push({ agreementId: { in: scope.agreementIds } }, { recordType: "Agreement", recordId: { in: scope.agreementIds } });
  }
  if (scope.securityEvents) or.push({ action: { in: [...SECURITY_ACTIONS] } });
  // An empty OR matches nothing in Prisma; say so explicitly rather than rely on it.
  return or.length > 0 ? { OR: or } : { id: { lt: 0n } };
}

/** The same scope as a SQL condition on the audit table aliased `alias`. */
export function auditScopeSql(scope: AuditScope, alias = "e"): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts: Prisma.Sql[] = [];
  if (scope.organisationId) {
    parts.push(
      Prisma.sql`${column("actorOrganisationId")} = ${scope.organisationId}::uuid`,
      Prisma.sql`${column("recordOrganisationId")} = ${scope.organisationId}::uuid`,
    );
  }
  if (scope.agreementIds.length > 0) {
    parts.push(
      Prisma.sql`${column("agreementId")} IN (${Prisma.join(scope.agreementIds.map((id) => Prisma.sql`${id}::uuid`))})`,
      Prisma.sql`(${column("recordType")} = 'Agreement' AND ${column("recordId")} IN (${Prisma.join(scope.agreementIds)}))`,
    );
  }
  if (scope.securityEvents) {
    parts.push(Prisma.sql`${column("action")} IN (${Prisma.join([...SECURITY_ACTIONS])})`);
  }
  return parts.length > 0 ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}
