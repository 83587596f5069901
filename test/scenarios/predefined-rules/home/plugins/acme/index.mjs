// A home plugin module: a NOOP rule for ops.Job (and its subtypes) and a post-plan processor.
export default {
  name: "acme",
  deployedRules: [
    {
      type: "ops.Job",
      method: "verifySchedule",
      operation: "NOOP",
      plan(planning) {
        const deployed = planning.delta.deployed;
        planning.addStep({
          type: "os-script",
          parameters: { order: 95, description: `Verify schedule of ${deployed.name}`, script: "acme/verify-schedule" },
        });
      },
    },
  ],
  postPlanProcessors: [
    {
      className: "com.acme.planning.Notifier",
      method: "announce",
      process(planning) {
        planning.addStep({
          type: "noop",
          parameters: { description: `Tell the operators about ${planning.deployedApplication.name}` },
        });
      },
    },
  ],
};
