import { BarChart, LineChart } from "./charts/chart";
import type { PartnerCharts, PoliceCharts } from "~/modules/dashboard/dashboard.server";

/** The dashboard's pictures (charts/chart.tsx), each with its table; the route passes its loader data. */
export type DashboardData =
  | { kind: "police"; charts: PoliceCharts }
  | { kind: "partner"; organisationName: string; charts: PartnerCharts; overdueActions: number };

export function DashboardView({ dashboard }: { dashboard: DashboardData }) {
  return (
    <>
      <h1 className="govuk-heading-l">Dashboard</h1>
      {dashboard.kind === "police" ? <PoliceDashboard charts={dashboard.charts} /> : <PartnerDashboard dashboard={dashboard} />}
    </>
  );
}

function PoliceDashboard({ charts }: { charts: PoliceCharts }) {
  return (
    <>
      <p className="govuk-body">Your force&apos;s threats, the intelligence shared with it, 4P actions and outcomes, over the last 12 months.</p>
      <BarChart
        title="Open threats by priority"
        description="Threats not closed, by the priority of their latest MoRiLE scoring."
        data={charts.threatsByPriority}
        labelHeading="Priority"
        valueHeading="Threats"
      />
      <LineChart
        title="New threats by month"
        description="Threats opened each month over the last 12 months."
        data={charts.newThreatsByMonth}
        labelHeading="Month"
        valueHeading="New threats"
      />
      <BarChart
        title="Intelligence received by area"
        description="Partner intelligence submitted in the last 12 months, by area."
        data={charts.intelligenceByArea}
        labelHeading="Area"
        valueHeading="Submissions"
        emptyText="No intelligence in the last 12 months."
      />
      <BarChart
        title="Intelligence received by type"
        description="Partner intelligence submitted in the last 12 months, by type of threat."
        data={charts.intelligenceByType}
        labelHeading="Type of threat"
        valueHeading="Submissions"
        emptyText="No intelligence in the last 12 months."
      />
      <BarChart
        title="Overdue 4P actions"
        description="Actions not completed or cancelled whose due date has passed, by 4P strand."
        data={charts.overdueActionsByStrand}
        labelHeading="Strand"
        valueHeading="Overdue actions"
      />
      <LineChart
        title="Outcomes recorded by month"
        description="Outcomes (arrests, seizures, safeguarding and more) recorded each month over the last 12 months."
        data={charts.outcomesByMonth}
        labelHeading="Month"
        valueHeading="Outcomes"
      />
      <BarChart
        title="Outcomes in the last 12 months"
        description="People arrested, charged, convicted and safeguarded, seizures, weapons, orders and disruptions."
        data={charts.outcomesByKind}
        labelHeading="Outcome"
        valueHeading="Number"
        emptyText="No outcomes recorded in the last 12 months."
      />
    </>
  );
}

function PartnerDashboard({ dashboard }: { dashboard: Extract<DashboardData, { kind: "partner" }> }) {
  const { charts } = dashboard;
  return (
    <>
      <p className="govuk-body">What {dashboard.organisationName} has shared, the actions it owns and what was disseminated to it.</p>
      {dashboard.overdueActions > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {dashboard.overdueActions === 1 ? "1 action is overdue." : `${dashboard.overdueActions} actions are overdue.`}{" "}
            <a className="govuk-link" href="/actions">See your actions</a>
          </strong>
        </div>
      ) : null}
      <BarChart
        title="Your submissions by month"
        description="Intelligence your organisation submitted each month over the last 12 months."
        data={charts.submissionsByMonth}
        labelHeading="Month"
        valueHeading="Submissions"
      />
      <BarChart
        title="Your submissions by status"
        description="What happened to the intelligence your organisation submitted in the last 12 months."
        data={charts.submissionsByStatus}
        labelHeading="Status"
        valueHeading="Submissions"
      />
      <BarChart
        title="Your actions by status"
        description="4P actions your organisation owns."
        data={charts.actionsByStatus}
        labelHeading="Status"
        valueHeading="Actions"
      />
      <BarChart
        title="Disseminated to you by month"
        description="Reports and threat briefings approved for your organisation each month over the last 12 months."
        data={charts.disseminationsByMonth}
        labelHeading="Month"
        valueHeading="Received"
      />
    </>
  );
}
