import type { MetaFunction } from "@remix-run/node";
import { ReasonStepPage } from "~/components/agreements/reason-step";
import { reasonStepAction, reasonStepLoader } from "~/modules/agreements/reason-step.server";

export const meta: MetaFunction = () => [{ title: "Suspend agreement – Partnership Intelligence Portal" }];

export const loader = reasonStepLoader("suspend");
export const action = reasonStepAction("suspend");

export default function SuspendAgreement() {
  return <ReasonStepPage step="suspend" />;
}
