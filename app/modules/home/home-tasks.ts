import type { Role } from "~/generated/prisma/enums";

export interface HomeSection {
  title: string;
  description: string;
  links: { label: string; href: string }[];
}

/**
 * What each role's home page offers. Modules add their links here as they arrive
 * (agreements, intelligence, audit), so the home page stays one readable list.
 */
const SECTIONS: Record<Role, HomeSection> = {
  PARTNER_SUBMITTER: {
    title: "Share intelligence",
    description: "Tell the police what your organisation has seen, under an information sharing agreement in force.",
    links: [
      { label: "Share new intelligence", href: "/submissions/new" },
      { label: "Your organisation's submissions", href: "/submissions" },
      { label: "Search your organisation's submissions", href: "/search" },
      { label: "Information sharing agreements", href: "/agreements" },
      { label: "Your account and sessions", href: "/account" },
    ],
  },
  PARTNER_MANAGER: {
    title: "Manage your partnership",
    description: "Oversee your organisation's sharing agreements and the intelligence it has shared.",
    links: [
      { label: "Share new intelligence", href: "/submissions/new" },
      { label: "Your organisation's submissions", href: "/submissions" },
      { label: "Search your organisation's submissions", href: "/search" },
      { label: "Information sharing agreements", href: "/agreements" },
      { label: "Draft a new agreement", href: "/agreements/new" },
      { label: "Roles to approve", href: "/approvals/roles" },
      { label: "Your account and sessions", href: "/account" },
    ],
  },
  POLICE_ANALYST: {
    title: "Triage and assess",
    description: "Triage partner intelligence, grade and link it, assess threats and feed back to partners.",
    links: [
      { label: "Triage queue", href: "/triage" },
      { label: "Search intelligence", href: "/search" },
      { label: "Threats", href: "/threats" },
      { label: "Information sharing agreements", href: "/agreements" },
      { label: "Your account and sessions", href: "/account" },
    ],
  },
  INTELLIGENCE_SUPERVISOR: {
    title: "Supervise",
    description: "Approve dissemination of sanitised intelligence and oversee the force's agreements.",
    links: [
      { label: "Sanitised versions to approve", href: "/triage/approvals" },
      { label: "Roles to approve", href: "/approvals/roles" },
      { label: "Triage queue", href: "/triage" },
      { label: "Search intelligence", href: "/search" },
      { label: "Threats", href: "/threats" },
      { label: "Information sharing agreements", href: "/agreements" },
      { label: "Draft a new agreement", href: "/agreements/new" },
      { label: "Your account and sessions", href: "/account" },
    ],
  },
  DATA_PROTECTION_OFFICER: {
    title: "Data protection oversight",
    description: "See who accessed what, when, why and under which agreement; review retention.",
    links: [
      { label: "Audit and oversight", href: "/audit" },
      { label: "Search the audit trail", href: "/audit/events" },
      { label: "History of a record", href: "/audit/records" },
      { label: "Access under an agreement", href: "/audit/agreements" },
      { label: "Subject access search", href: "/dpo/subject-access" },
      { label: "Unusual access", href: "/audit/unusual" },
      { label: "Retention and review", href: "/dpo/retention" },
      { label: "Check the audit trail has not been altered", href: "/audit/integrity" },
      { label: "Roles to approve", href: "/approvals/roles" },
      { label: "Information sharing agreements", href: "/agreements" },
      { label: "Draft a new agreement", href: "/agreements/new" },
      { label: "Your account and sessions", href: "/account" },
    ],
  },
  SYSTEM_ADMINISTRATOR: {
    title: "Administration",
    description: "Create organisations and user accounts, change roles, disable accounts and reset MFA.",
    links: [
      { label: "Administration overview", href: "/admin" },
      { label: "Organisations", href: "/admin/organisations" },
      { label: "User accounts", href: "/admin/users" },
      { label: "Create a user account", href: "/admin/users/new" },
      { label: "Security events in the audit trail", href: "/audit/events" },
      { label: "Check the audit trail has not been altered", href: "/audit/integrity" },
      { label: "Your account and sessions", href: "/account" },
    ],
  },
};

export function homeTasksFor(roles: Role[]): HomeSection[] {
  return roles.map((role) => SECTIONS[role]);
}

export interface NavigationItem {
  label: string;
  href: string;
}

/**
 * The header's top-level areas, in the order shown, with their short names. Who sees an area is not
 * decided here: it appears when the user's home page (SECTIONS above) offers its address, so the
 * header and the home page cannot disagree.
 */
const AREAS: NavigationItem[] = [
  { label: "Submissions", href: "/submissions" },
  { label: "Triage", href: "/triage" },
  { label: "Search", href: "/search" },
  { label: "Threats", href: "/threats" },
  { label: "Agreements", href: "/agreements" },
  { label: "Audit", href: "/audit" },
  { label: "Administration", href: "/admin" },
];

/** The header navigation for a user with these roles: home, the areas their home page offers, their account. */
export function navigationFor(roles: Role[]): NavigationItem[] {
  const offered = new Set(homeTasksFor(roles).flatMap((section) => section.links.map((link) => link.href)));
  return [
    { label: "Home", href: "/" },
    ...AREAS.filter((area) => offered.has(area.href)),
    { label: "Your account", href: "/account" },
  ];
}
