import type { Place } from "~/modules/authorization/navigation.server";

export interface HomeSection {
  title: string;
  description: string;
  links: { label: string; href: string }[];
}

interface PlaceLink {
  label: string;
  href: string;
  /** Offered only to people who may go there (authorization/navigation.server.ts). */
  place: Place;
}

/**
 * What the home page offers below the tasks, grouped by the work it belongs to. Who sees a link is
 * decided by the authorization module (`placesFor`); a section with nothing for the person is left out.
 */
const SECTIONS: { title: string; description: string; links: PlaceLink[] }[] = [
  {
    title: "Intelligence",
    description: "Share intelligence under an agreement in force, triage and assess it, and approve sanitised versions.",
    links: [
      { label: "Share new intelligence", href: "/submissions/new", place: "newSubmission" },
      { label: "Your organisation's submissions", href: "/submissions", place: "submissions" },
      { label: "Triage queue", href: "/triage", place: "triage" },
      { label: "Your queue", href: "/triage?queue=mine", place: "triage" },
      { label: "Sanitised versions to approve", href: "/triage/approvals", place: "sanitisedApprovals" },
      { label: "Search intelligence", href: "/search", place: "search" },
    ],
  },
  {
    title: "Threats and partnership work",
    description: "The threats the partnership faces, the 4P plans against them, what was shared and what it achieved.",
    links: [
      { label: "Dashboard", href: "/dashboard", place: "dashboard" },
      { label: "Threats", href: "/threats", place: "threats" },
      { label: "Actions", href: "/actions", place: "actions" },
      { label: "Clear, Hold, Build area plans", href: "/area-plans", place: "areaPlans" },
      { label: "Outcomes", href: "/outcomes", place: "outcomes" },
      { label: "Disseminations", href: "/disseminations", place: "disseminations" },
      { label: "Disseminations to approve", href: "/disseminations/approvals", place: "disseminationApprovals" },
      { label: "Inbox: what was shared with your organisation", href: "/inbox", place: "inbox" },
      { label: "SOC local profiles", href: "/profiles", place: "profiles" },
      { label: "Good practice", href: "/good-practice", place: "goodPractice" },
    ],
  },
  {
    title: "Information sharing agreements",
    description: "The agreements your organisation is party to: sign, review, suspend or amend them.",
    links: [
      { label: "Information sharing agreements", href: "/agreements", place: "agreements" },
      { label: "Draft a new agreement", href: "/agreements/new", place: "newAgreement" },
    ],
  },
  {
    title: "Data protection oversight",
    description: "See who accessed what, when, why and under which agreement; review retention.",
    links: [
      { label: "Audit and oversight", href: "/audit", place: "auditOversight" },
      { label: "Search the audit trail", href: "/audit/events", place: "auditTrail" },
      { label: "History of a record", href: "/audit/records", place: "auditOversight" },
      { label: "Access under an agreement", href: "/audit/agreements", place: "auditOversight" },
      { label: "Subject access search", href: "/dpo/subject-access", place: "auditOversight" },
      { label: "Unusual access", href: "/audit/unusual", place: "auditOversight" },
      { label: "Retention and review", href: "/dpo/retention", place: "auditOversight" },
      { label: "Check the audit trail has not been altered", href: "/audit/integrity", place: "auditTrail" },
    ],
  },
  {
    title: "People and accounts",
    description: "Organisations, user accounts and the roles waiting for a second person's approval.",
    links: [
      { label: "Roles to approve", href: "/approvals/roles", place: "roleApprovals" },
      { label: "Administration overview", href: "/admin", place: "administration" },
      { label: "Organisations", href: "/admin/organisations", place: "administration" },
      { label: "User accounts", href: "/admin/users", place: "administration" },
      { label: "Create a user account", href: "/admin/users/new", place: "administration" },
    ],
  },
];

/** The home page's sections for a person who may go to `places`. */
export function homeSectionsFor(places: ReadonlySet<Place>): HomeSection[] {
  return SECTIONS.map(({ title, description, links }) => ({
    title,
    description,
    links: links.filter((link) => places.has(link.place)).map(({ label, href }) => ({ label, href })),
  })).filter((section) => section.links.length > 0);
}

export interface NavigationItem {
  label: string;
  href: string;
}

/**
 * The header's top-level areas, in the order shown, with their short names. An area appears when
 * the person's home page offers its address, so the header and the home page cannot disagree.
 */
const AREAS: NavigationItem[] = [
  { label: "Dashboard", href: "/dashboard" },
  { label: "Submissions", href: "/submissions" },
  { label: "Triage", href: "/triage" },
  { label: "Search", href: "/search" },
  { label: "Threats", href: "/threats" },
  { label: "Actions", href: "/actions" },
  { label: "Area plans", href: "/area-plans" },
  { label: "Outcomes", href: "/outcomes" },
  { label: "Disseminations", href: "/disseminations" },
  { label: "Approve disseminations", href: "/disseminations/approvals" },
  { label: "Inbox", href: "/inbox" },
  { label: "Profiles", href: "/profiles" },
  { label: "Good practice", href: "/good-practice" },
  { label: "Agreements", href: "/agreements" },
  { label: "Audit", href: "/audit" },
  { label: "Administration", href: "/admin" },
];

/** The header navigation: home, the areas the person's home page offers, their account. */
export function navigationFor(places: ReadonlySet<Place>): NavigationItem[] {
  const offered = new Set(homeSectionsFor(places).flatMap((section) => section.links.map((link) => link.href)));
  return [{ label: "Home", href: "/" }, ...AREAS.filter((area) => offered.has(area.href)), { label: "Your account", href: "/account" }];
}
