import { pluralise } from "~/utils/plural";
import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import type { HomePanel } from "~/modules/home/home-panels.server";
import { ROLE_LABELS } from "~/modules/organisations/labels";
import { countRoleGrantsToDecide, listRoleGrantsToDecide } from "./role-grants.server";

const SHOWN = 5;

/** Roles waiting for this person's approval (four eyes on role grants), for the home page. */
export async function roleGrantHomePanels(auth: AuthenticatedRequest): Promise<HomePanel[]> {
  if (!auth.ability.can("approve", "RoleGrantRequest")) return [];
  const total = await countRoleGrantsToDecide(auth.ability);
  if (total === 0) return [];
  const requests = (await listRoleGrantsToDecide(auth.ability)).slice(0, SHOWN);
  return [
    {
      id: "role-requests",
      title: `${pluralise(total, "role")} waiting for your approval`,
      description: "A role gives no access until you or another approver decides.",
      items: requests.map((request) => ({
        label: `${ROLE_LABELS[request.role]} for ${request.user.name}`,
        href: `/approvals/roles/${request.id}`,
        detail: `Asked for by ${request.requestedBy.name}`,
      })),
      more: total > SHOWN ? { label: "See all roles to approve", href: "/approvals/roles" } : undefined,
    },
  ];
}
