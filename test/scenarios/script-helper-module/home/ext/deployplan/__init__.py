# Planning helpers of this plugin. A module's top level runs once per plan: `planned` below
# collects across the rule's runs.
