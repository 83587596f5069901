// Plugin code that fails while planning: a diagnostic naming the rule, no stack trace.
export const plugin = {
  name: "crasher",
  prePlanProcessors: [
    {
      className: "com.acme.planning.Gate",
      method: "check",
      process(planning) {
        return planning.deployedApplication.values.ticket.toUpperCase();
      },
    },
  ],
};
