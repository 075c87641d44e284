import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ReasonStepPage } from "~/components/agreements/reason-step";
import { loadReasonStep, takeReasonStep } from "~/modules/agreements/reason-step.server";

export const meta: MetaFunction = () => [{ title: "Revoke agreement – Partnership Intelligence Portal" }];

export function loader(args: LoaderFunctionArgs) {
  return loadReasonStep("revoke", args);
}

export function action(args: ActionFunctionArgs) {
  return takeReasonStep("revoke", args);
}

export default function RevokeAgreement() {
  return <ReasonStepPage step="revoke" />;
}
