import type { MetaFunction } from "@remix-run/node";
import { ReasonStepPage } from "~/components/agreements/reason-step";
import { reasonStepAction, reasonStepLoader } from "~/modules/agreements/reason-step.server";

export const meta: MetaFunction = () => [{ title: "Revoke agreement – Partnership Intelligence Portal" }];

export const loader = reasonStepLoader("revoke");
export const action = reasonStepAction("revoke");

export default function RevokeAgreement() {
  return <ReasonStepPage step="revoke" />;
}
