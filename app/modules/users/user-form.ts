import { z } from "zod";
import { Role } from "~/generated/prisma/enums";
import { checkboxList } from "~/modules/organisations/organisation-form";
import { optionalQuery, queryText, uuid } from "~/utils/input";

const yesNo = z.enum(["yes", "no"], "Select yes if this person may sign information sharing agreements");

const accountFields = {
  name: z.string().trim().min(1, "Enter the person's full name").max(200, "Name must be 200 characters or fewer"),
  organisationId: z.uuid("Select the person's organisation"),
  roles: checkboxList(z.enum(Role, "Select roles from the list")).pipe(
    z.array(z.enum(Role)).min(1, "Select at least one role"),
  ),
  isAgreementSignatory: yesNo.transform((value) => value === "yes"),
};

export const newUserFormSchema = z.object({
  ...accountFields,
  // Emails are compared lower-cased and trimmed everywhere (sign-in does the same).
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter the person's work email address")
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.gov.uk")),
});

export const editUserFormSchema = z.object(accountFields);

/** Disabling an account or resetting its MFA: the reason, recorded in the audit trail. */
export function reasonFormSchema(missing: string) {
  return z.object({
    reason: z.string(missing).trim().min(1, missing).max(500, "Reason must be 500 characters or fewer"),
  });
}

export type NewUserForm = z.infer<typeof newUserFormSchema>;
export type EditUserForm = z.infer<typeof editUserFormSchema>;

export type RoleGrantDecision = { decision: "approve" } | { decision: "refuse"; reason: string };

/** An approver's decision on a role request: a refusal needs its reason. */
export const roleGrantDecisionSchema = z
  .object({
    decision: z.enum(["approve", "refuse"], "Select whether you approve or refuse this role"),
    reason: z.string().trim().max(500, "Reason must be 500 characters or fewer").optional(),
  })
  .transform((form, ctx): RoleGrantDecision => {
    if (form.decision === "approve") return { decision: "approve" };
    if (!form.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter why you are refusing this role" });
      return z.NEVER;
    }
    return { decision: "refuse", reason: form.reason };
  });

/** Account states an administrator filters by. */
export const USER_STATUSES = ["active", "awaiting-activation", "disabled"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: "Active",
  "awaiting-activation": "Awaiting activation",
  disabled: "Disabled",
};

/** The account list's query string (parsed by the route with parseQuery: anything else is 400). */
export const userListFiltersSchema = z.object({
  organisation: optionalQuery(uuid),
  role: optionalQuery(z.enum(Role)),
  status: optionalQuery(z.enum(USER_STATUSES)),
  q: queryText(100),
});

export type UserListFilters = z.infer<typeof userListFiltersSchema>;
