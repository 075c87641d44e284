import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ReasonStepPage } from "~/components/agreements/reason-step";
import { loadReasonStep, takeReasonStep } from "~/modules/agreements/reason-step.server";

export const meta: MetaFunction = () => [{ title: "Suspend agreement – Partnership Intelligence Portal" }];

export function loader(args: LoaderFunctionArgs) {
  return loadReasonStep("suspend", args);
}

export function action(args: ActionFunctionArgs) {
  return takeReasonStep("suspend", args);
}

export default function SuspendAgreement() {
  return <ReasonStepPage step="suspend" />;
}
