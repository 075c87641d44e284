import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { agreementHomePanels } from "~/modules/agreements/home-panel.server";
import { clock } from "~/utils/clock";

/**
 * Home page panels: things that need the user's attention, provided by each module. A provider
 * returns the panels for this user (none if nothing needs attention); the home page shows them
 * above the role sections. Add a module's provider to PROVIDERS.
 */
export interface HomePanel {
  id: string;
  title: string;
  description?: string;
  items: { label: string; href: string; detail: string }[];
  /** A link to see everything, when the panel shows only the first few. */
  more?: { label: string; href: string };
}

export type HomePanelProvider = (auth: AuthenticatedRequest, now: Date) => Promise<HomePanel[]>;

const PROVIDERS: HomePanelProvider[] = [agreementHomePanels];

export async function homePanelsFor(auth: AuthenticatedRequest, now = clock.now()): Promise<HomePanel[]> {
  const panels = await Promise.all(PROVIDERS.map((provide) => provide(auth, now)));
  return panels.flat();
}
