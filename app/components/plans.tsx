import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ActionStatus, FourPStrand } from "~/generated/prisma/enums";
import { formatDate, ukDay } from "~/utils/dates";
import { ACTION_STATUS_LABELS, STRAND_HINTS, STRAND_LABELS, STRANDS } from "~/modules/plans/labels";
import { DateInput } from "./date-input";
import { Choices, ErrorSummary, FormTokenInput, Select, Textarea, TextInput, type Errors } from "./form";
import { BackLink } from "./intelligence";
import { ScrollableTable } from "./table";

const STATUS_COLOURS: Record<ActionStatus, string> = {
  NOT_STARTED: "govuk-tag--grey",
  IN_PROGRESS: "govuk-tag--blue",
  COMPLETED: "govuk-tag--green",
  CANCELLED: "govuk-tag--grey",
};

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  return <strong className={`govuk-tag ${STATUS_COLOURS[status]}`}>{ACTION_STATUS_LABELS[status]}</strong>;
}

/** The red tag that makes an overdue action (or milestone) stand out wherever it is shown. */
export function OverdueTag({ overdue }: { overdue: boolean }) {
  if (!overdue) return null;
  return (
    <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1" data-testid="overdue">
      Overdue
    </strong>
  );
}

export interface ActionRowView {
  id: string;
  reference: string;
  title: string;
  status: ActionStatus;
  dueDate: string | Date;
  overdue: boolean;
  ownerOrganisation: { name: string };
}

/** A plan's actions, one table per 4P strand. */
export function StrandTables({ strands }: { strands: { strand: FourPStrand; actions: ActionRowView[] }[] }) {
  return (
    <>
      {strands.map(({ strand, actions }) => (
        <section key={strand} aria-labelledby={`strand-${strand}`}>
          <h3 className="govuk-heading-s" id={`strand-${strand}`}>
            {STRAND_LABELS[strand]} <span className="govuk-caption-m govuk-!-display-inline">({STRAND_HINTS[strand].toLowerCase()})</span>
          </h3>
          {actions.length === 0 ? (
            <p className="govuk-body">No {STRAND_LABELS[strand]} actions.</p>
          ) : (
            <ScrollableTable label={`${STRAND_LABELS[strand]} actions`}>
              <table className="govuk-table" data-testid={`strand-${strand}`}>
                <caption className="govuk-table__caption govuk-visually-hidden">{STRAND_LABELS[strand]} actions</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Action</th>
                    <th scope="col" className="govuk-table__header">Owner</th>
                    <th scope="col" className="govuk-table__header">Due</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {actions.map((a) => (
                    <tr key={a.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/actions/${a.id}`}>
                          {a.title}
                        </Link>
                        <span className="govuk-hint govuk-!-margin-bottom-0">{a.reference}</span>
                      </td>
                      <td className="govuk-table__cell">{a.ownerOrganisation.name}</td>
                      <td className="govuk-table__cell">{formatDate(a.dueDate)}</td>
                      <td className="govuk-table__cell">
                        <ActionStatusTag status={a.status} />
                        <OverdueTag overdue={a.overdue} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
        </section>
      ))}
    </>
  );
}

/** A keyset page link that keeps the other filters. */
export function pageHref(pathname: string, search: string, direction: "after" | "before", cursor: string | null): string | null {
  if (!cursor) return null;
  const params = new URLSearchParams(search);
  params.delete("after");
  params.delete("before");
  params.set(direction, cursor);
  return `${pathname}?${params.toString()}`;
}

/** The fields of an action (strand, what, owner, due date): adding on a plan, editing an action. */
export function ActionFields({
  owners,
  errors,
  values,
  defaults,
}: {
  owners: { id: string; name: string }[];
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  defaults?: { strand?: string; title?: string; description?: string | null; ownerOrganisationId?: string; dueDate?: string | Date };
}) {
  const typed = (name: string) => {
    const v = values?.[name];
    return typeof v === "string" ? v : undefined;
  };
  return (
    <>
      <Choices
        kind="radio"
        name="strand"
        legend="Strand"
        small
        error={errors?.strand}
        selected={typed("strand") ?? defaults?.strand}
        options={STRANDS.map((s) => ({ value: s, label: STRAND_LABELS[s], hint: STRAND_HINTS[s] }))}
      />
      <TextInput name="title" label="Action" error={errors?.title} defaultValue={typed("title") ?? defaults?.title} />
      <Textarea name="description" label="Details (optional)" rows={3} error={errors?.description} defaultValue={typed("description") ?? defaults?.description ?? ""} />
      <Select
        name="ownerOrganisationId"
        label="Owner organisation"
        hint="Your force, or a partner with an agreement in force with it"
        error={errors?.ownerOrganisationId}
        defaultValue={typed("ownerOrganisationId") ?? defaults?.ownerOrganisationId ?? ""}
        options={[{ value: "", label: "Select an organisation" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <DateInput name="dueDate" legend="Due date" hint="For example, 27 3 2027" error={errors?.dueDate} values={{ ...dayValues({ dueDate: defaults?.dueDate }), ...values }} />
    </>
  );
}

/**
 * Stored dates as the "YYYY-MM-DD" (UK calendar day) values `DateInput` fills its fields from;
 * spread the values as typed after them, so a resubmitted form shows what was typed.
 */
export function dayValues(dates: Record<string, Date | string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(dates).flatMap(([name, at]) => (at ? [[name, ukDay(new Date(at))]] : [])));
}

/** A page that is one form (a new plan, an outcome): the way back, the errors, the heading and the form with its one-time token. */
export function FormPage({ back, heading, errors, formToken, children }: { back: { to: string; label: string }; heading: string; errors: Errors; formToken: string; children: ReactNode }) {
  return (
    <>
      <BackLink to={back.to}>{back.label}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">{heading}</h1>
          <Form method="post" noValidate>
            <FormTokenInput token={formToken} />
            {children}
          </Form>
        </div>
      </div>
    </>
  );
}

/** The area a plan or an outcome belongs to (field `areaId`). */
export function AreaSelect({ areas, error, selected }: { areas: { id: string; name: string }[]; error?: string; selected?: string }) {
  return (
    <Select
      name="areaId"
      label="Area"
      error={error}
      defaultValue={selected ?? ""}
      options={[{ value: "", label: "Select an area" }, ...areas.map((a) => ({ value: a.id, label: a.name }))]}
    />
  );
}
