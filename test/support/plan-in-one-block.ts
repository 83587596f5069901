import type { DeltaSpecification } from "../../src/delta/model.js";
import { planDeployment } from "../../src/planning/planner.js";
import type { PlanningHome } from "../../src/planning/planning-session.js";
import { createStepConstruction } from "../../src/steps/step-construction.js";

/**
 * Plans a hand-made delta specification with a loaded home's rules, steps and Python runtime,
 * all its deltas in one interleaved block (no orchestrators): how the corpus tests plan
 * synthesized deployeds without a repository request.
 */
export function planInOneBlock(home: PlanningHome, specification: DeltaSpecification) {
  const { types, repository } = home.workspace;
  return planDeployment({
    specification,
    orchestration: { kind: "interleaved", description: "corpus", deltas: specification.deltas },
    orchestrators: [],
    rules: home.rules,
    stepRegistry: home.steps,
    steps: createStepConstruction({ steps: home.steps, types, repository }),
    types,
    repository,
    python: home.python,
  });
}
