import { z } from "zod";
import { OrganisationType } from "~/generated/prisma/enums";

/** A single checkbox value arrives as a string, several as an array, none as nothing. */
export const checkboxList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const organisationFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the organisation's name")
    .max(200, "Name must be 200 characters or fewer"),
  shortName: z.string().trim().max(50, "Short name must be 50 characters or fewer").default(""),
  type: z.enum(OrganisationType, "Select the type of organisation"),
  areas: checkboxList(z.uuid("Select an area from the list")).pipe(
    z.array(z.uuid()).min(1, "Select at least one area the organisation covers"),
  ),
});

export type OrganisationForm = z.infer<typeof organisationFormSchema>;
