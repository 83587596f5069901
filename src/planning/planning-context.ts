import { type Delta, type DeltaSpecification, type Operation, operations } from "../delta/model.js";
import type { PlannedStep } from "../plan/model.js";
import { type HostObject, hostObject } from "../python/host-object.js";
import type { ConfigurationItem } from "../repository/model.js";
import type { Step } from "../steps/model.js";
import { isScriptStep } from "./planned-step.js";
import { PlanningFailure } from "./planning-failure.js";
import { nameOf } from "./services.js";
import type { StepSite } from "./step-construction.js";

/** A checkpoint to attach to a step: the delta whose operation it commits (reference §5). */
export interface CheckpointRequest {
  delta: Delta;
  operation: Operation;
  /** Intermediate checkpoint name (`Checkpoint(delta, name, operation)`). */
  name?: string;
}

/**
 * The planning context of one planning run (manual, "Rules and the planning context";
 * reference §5.3), shared by every rule of the run. The planner points it at the rule being
 * applied and the step list it contributes to; scripts see it as `context` and XML rules'
 * steps arrive through `add`.
 */
export class PlanningContext implements HostObject {
  readonly [hostObject] = true as const;
  readonly pyTypeName = "DeploymentPlanningContext";

  private site: StepSite | undefined;
  private target: PlannedStep[] = [];
  private readonly attributes = new Map<string, unknown>();
  /** The planned steps each script step became, for `addCheckpoint` on an added step. */
  private readonly added = new WeakMap<object, PlannedStep>();
  private readonly deltasById: Map<string, Delta>;
  /** Deployed ids that received a checkpoint from a rule (the rest get the implicit one). */
  readonly checkpointed = new Set<string>();

  constructor(
    private readonly specification: DeltaSpecification,
    private readonly repository: HostObject,
  ) {
    this.deltasById = new Map(specification.deltas.map((delta) => [delta.id, delta]));
  }

  /** Points the context at the rule being applied and the block it contributes to. */
  enter(site: StepSite, target: PlannedStep[]): void {
    this.site = site;
    this.target = target;
  }

  /** Adds a step made by the current rule, with its checkpoints. Returns the planned step. */
  add(step: Step, checkpoints: readonly CheckpointRequest[] = []): PlannedStep {
    const site = this.currentSite();
    const planned: PlannedStep = {
      order: step.order,
      description: step.description,
      type: step.type,
      rule: site.rule.name,
      scope: site.scope,
      checkpoint: null,
      parameters: step.parameters,
    };
    if (site.delta) {
      planned.deployed = site.delta.id;
      planned.operation = site.delta.operation;
    }
    this.target.push(planned);
    for (const checkpoint of checkpoints) this.attachCheckpoint(planned, checkpoint);
    return planned;
  }

  attachCheckpoint(planned: PlannedStep, checkpoint: CheckpointRequest): void {
    // A step carries one checkpoint operation; further deltas are still recorded as committed by it.
    if (planned.checkpoint === null) planned.checkpoint = checkpoint.operation;
    if (checkpoint.name !== undefined && planned.checkpointName === undefined) planned.checkpointName = checkpoint.name;
    if (planned.deployed !== checkpoint.delta.id) {
      planned.checkpointDeployeds = [...(planned.checkpointDeployeds ?? []), checkpoint.delta.id];
    }
    this.checkpointed.add(checkpoint.delta.id);
  }

  pyGetAttr(name: string): unknown {
    switch (name) {
      case "addStep":
        return (step: unknown) => {
          this.addScriptStep("addStep", step, []);
        };
      case "addSteps":
        return (steps: unknown) => {
          for (const step of iterate(steps, "context.addSteps")) this.addScriptStep("addSteps", step, []);
        };
      case "addStepWithCheckpoint":
        return (step: unknown, checkpoint: unknown, operation?: unknown) => {
          this.addScriptStep("addStepWithCheckpoint", step, this.checkpoints(checkpoint, operation));
        };
      case "addCheckpoint":
        return (step: unknown, checkpoint: unknown, operation?: unknown) => {
          const requests = this.checkpoints(checkpoint, operation);
          const planned = isScriptStep(step) ? this.added.get(step) : undefined;
          // Java attaches to a step added before; a step not added yet is added here, as scripts expect.
          if (planned) for (const request of requests) this.attachCheckpoint(planned, request);
          else this.addScriptStep("addCheckpoint", step, requests);
        };
      case "setAttribute":
        return (key: unknown, value: unknown) => {
          this.attributes.set(String(key), value);
        };
      case "getAttribute":
        return (key: unknown) => this.attributes.get(String(key)) ?? null;
      case "deployedApplication":
        return this.deployedApplication();
      case "getDeployedApplication":
        return () => this.deployedApplication();
      case "previousDeployedApplication":
        return this.specification.previousDeployedApplication ?? null;
      case "getPreviousDeployedApplication":
        return () => this.specification.previousDeployedApplication ?? null;
      case "repository":
        return this.repository;
      case "getRepository":
        return () => this.repository;
      case "rollback":
        return this.specification.rollback;
      case "isRollback":
        return () => this.specification.rollback;
      case "getArtifactTransformer":
        return () => {
          throw new PlanningFailure(
            "context.getArtifactTransformer is not available: Planwright plans without XL Deploy's artifact transformers",
          );
        };
      default:
        return undefined;
    }
  }

  private deployedApplication(): ConfigurationItem {
    return this.specification.deployedApplication;
  }

  private currentSite(): StepSite {
    if (!this.site) throw new PlanningFailure("The planning context is used outside of a rule");
    return this.site;
  }

  private addScriptStep(method: string, step: unknown, checkpoints: CheckpointRequest[]): void {
    if (!isScriptStep(step)) {
      throw new PlanningFailure(`context.${method} expects a step made by steps.<name>(...), got ${describe(step)}`);
    }
    this.added.set(step, this.add(step.step, checkpoints));
  }

  /** `(delta)`, `(delta, operation)`, `(Checkpoint)`, or a list of deltas or Checkpoints. */
  private checkpoints(value: unknown, operation: unknown): CheckpointRequest[] {
    const override = operation === undefined || operation === null ? undefined : operationOf(operation);
    const items = Array.isArray(value) || value instanceof Set ? [...value] : [value];
    return items.map((item) => {
      const delta = this.deltaOf(item);
      if (delta) return { delta, operation: override ?? delta.operation };
      const checkpoint = readCheckpoint(item);
      const target = checkpoint ? this.deltaOf(checkpoint.delta) : undefined;
      if (!checkpoint || !target) {
        throw new PlanningFailure(
          `a checkpoint needs a delta or a Checkpoint(delta, name, operation), got ${describe(item)}`,
        );
      }
      const request: CheckpointRequest = {
        delta: target,
        operation:
          override ?? (checkpoint.operation === undefined ? target.operation : operationOf(checkpoint.operation)),
      };
      if (checkpoint.name !== undefined) request.name = checkpoint.name;
      return request;
    });
  }

  /** The delta of this deployment that `value` denotes, by its deployed id. */
  private deltaOf(value: unknown): Delta | undefined {
    if (typeof value !== "object" || value === null) return undefined;
    const candidate = value as Partial<Delta>;
    if (typeof candidate.id !== "string" || candidate.deployedOrPrevious === undefined) return undefined;
    return this.deltasById.get(candidate.id);
  }
}

/** `"DESTROY"`, `Operation.DESTROY` (equal to its name) → `DESTROY`. */
export function operationOf(value: unknown): Operation {
  const name = nameOf(value);
  if (!operations.includes(name as Operation)) {
    throw new PlanningFailure(`'${name}' is not an operation; use CREATE, MODIFY, DESTROY or NOOP`, "ValueError");
  }
  return name as Operation;
}

/** The fields of a `Checkpoint(delta, name, operation)` stand-in, a host object or plain data. */
function readCheckpoint(value: unknown): { delta: unknown; name?: string; operation?: unknown } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const read = (...names: string[]): unknown => {
    for (const name of names) {
      const found =
        "pyGetAttr" in value && typeof value.pyGetAttr === "function"
          ? (value as HostObject).pyGetAttr(name)
          : (value as Record<string, unknown>)[name];
      if (found !== undefined && found !== null) return typeof found === "function" ? found() : found;
    }
    return undefined;
  };
  const delta = read("delta", "getDelta");
  if (delta === undefined) return undefined;
  const name = read("intermediateCheckpointName", "name", "getIntermediateCheckpointName");
  const result: { delta: unknown; name?: string; operation?: unknown } = { delta };
  if (name !== undefined) result.name = String(name);
  const operation = read("overrideOperation", "operation", "getOperation");
  if (operation !== undefined) result.operation = operation;
  return result;
}

function iterate(value: unknown, where: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value instanceof Set) return [...value];
  throw new PlanningFailure(`${where} expects a list of steps, got ${describe(value)}`, "TypeError");
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "object" && "pyTypeName" in value) return String((value as HostObject).pyTypeName);
  return typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value;
}
