export default {
  name: "bad-rule",
  deployedRules: [{ type: "generic.ExecutedScript", method: "run", operation: "DEPLOY", plan() {} }],
};
