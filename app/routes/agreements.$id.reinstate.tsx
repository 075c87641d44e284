import type { MetaFunction } from "@remix-run/node";
import { ReasonStepPage } from "~/components/agreements/reason-step";
import { reasonStepAction, reasonStepLoader } from "~/modules/agreements/reason-step.server";

export const meta: MetaFunction = () => [{ title: "Reinstate agreement – Partnership Intelligence Portal" }];

export const loader = reasonStepLoader("reinstate");
export const action = reasonStepAction("reinstate");

export default function ReinstateAgreement() {
  return <ReasonStepPage step="reinstate" />;
}
