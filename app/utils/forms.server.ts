import type { z } from "zod";
import { foldDateInputs } from "./date-input";
import { badRequest, containsNul, unsupportedMediaType } from "./request.server";

/**
 * Form handling at the boundary: parse the request's form with a zod schema. On failure, return the
 * errors keyed by field (for the error summary and inline messages) and the values as typed, so
 * the page can show them again and nothing the user entered is lost.
 */
export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type FormResult<T> =
  | { success: true; data: T; values: FormValues }
  | { success: false; errors: FieldErrors; values: FormValues };

export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return values;
}

export function parseFormData<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.infer<S>> {
  const values = formValues(formData);
  // Date inputs arrive as three fields each; the schema sees one value per date (date-input.ts).
  const result = schema.safeParse(foldDateInputs(values));
  if (result.success) return { success: true, data: result.data, values };
  return { success: false, errors: zodFieldErrors(result.error), values };
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * The request's form: only the two encodings browsers send for forms are accepted (415 otherwise,
 * as server/request-guards.ts already answers before Remix), a body that does not parse is 400,
 * and so is NUL in any field (PostgreSQL text cannot hold it). Every action reads its form here.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) throw unsupportedMediaType();
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw badRequest("The form could not be read.");
  }
  if (containsNul(formData)) throw badRequest("The form contains a character that is not allowed.");
  return formData;
}

export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormResult<z.infer<S>>> {
  return parseFormData(await readForm(request), schema);
}

/** First message per field, keyed by the field's name (nested paths joined with "."). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
