import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DashboardView } from "~/components/dashboard";
import { requireUser } from "~/modules/auth/auth.server";
import { loadDashboard } from "~/modules/dashboard/dashboard.server";

export const meta: MetaFunction = () => [{ title: "Dashboard – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  return { dashboard: await loadDashboard(auth) };
}

export default function Dashboard() {
  const { dashboard } = useLoaderData<typeof loader>();
  return <DashboardView dashboard={dashboard} />;
}
