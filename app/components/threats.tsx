import { Link } from "@remix-run/react";
import type { ThreatPriority, ThreatStatus } from "~/generated/prisma/enums";
import { THREAT_PRIORITY_LABELS, THREAT_PRIORITY_TAGS, THREAT_STATUS_LABELS, THREAT_STATUS_TAGS } from "~/modules/threats/labels";

export function ThreatStatusTag({ status }: { status: ThreatStatus }) {
  return <strong className={`govuk-tag ${THREAT_STATUS_TAGS[status]}`}>{THREAT_STATUS_LABELS[status]}</strong>;
}

export function PriorityTag({ priority, score }: { priority: ThreatPriority | null; score?: number | null }) {
  if (!priority) return <span>Not scored</span>;
  return (
    <strong className={`govuk-tag ${THREAT_PRIORITY_TAGS[priority]}`}>
      {THREAT_PRIORITY_LABELS[priority]}
      {score !== undefined && score !== null ? ` (${score})` : ""}
    </strong>
  );
}

const SECTIONS = [
  { suffix: "", label: "Summary" },
  { suffix: "/entities", label: "Entities" },
  { suffix: "/score", label: "Score" },
  { suffix: "/chart", label: "Link chart" },
  { suffix: "/plan", label: "4P plan" },
  { suffix: "/edit", label: "Edit details" },
] as const;

/** The threat's pages, as a list of links (the current one marked for assistive technology). */
export function ThreatSections({ id, current }: { id: string; current: (typeof SECTIONS)[number]["suffix"] }) {
  return (
    <nav aria-label="Threat pages" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list govuk-list--inline-block">
        {SECTIONS.map((s) => (
          <li key={s.suffix} className="govuk-!-display-inline-block govuk-!-margin-right-4">
            {s.suffix === current ? (
              <strong aria-current="page">{s.label}</strong>
            ) : (
              <Link className="govuk-link" to={`/threats/${id}${s.suffix}`}>
                {s.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
