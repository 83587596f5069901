from com.xebialabs.deployit.plugin.api.deployment.planning import Checkpoint
from com.xebialabs.deployit.plugin.api.deployment.specification import Operation

backup = steps.noop(description="Back up %s" % deployed.path, order=20)
context.addStepWithCheckpoint(backup, delta, Operation.DESTROY)
write = steps.noop(description="Write %s" % deployed.path, order=60)
context.addStepWithCheckpoint(write, Checkpoint(delta, "written", Operation.CREATE))
