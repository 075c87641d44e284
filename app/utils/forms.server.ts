import type { z } from "zod";

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
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data, values };
  return { success: false, errors: zodFieldErrors(result.error), values };
}

export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormResult<z.infer<S>>> {
  return parseFormData(await request.formData(), schema);
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
