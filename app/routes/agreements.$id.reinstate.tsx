import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ReasonStepPage } from "~/components/agreements/reason-step";
import { loadReasonStep, takeReasonStep } from "~/modules/agreements/reason-step.server";

export const meta: MetaFunction = () => [{ title: "Reinstate agreement – Partnership Intelligence Portal" }];

export function loader(args: LoaderFunctionArgs) {
  return loadReasonStep("reinstate", args);
}

export function action(args: ActionFunctionArgs) {
  return takeReasonStep("reinstate", args);
}

export default function ReinstateAgreement() {
  return <ReasonStepPage step="reinstate" />;
}
