step = steps.noop(description = "A dummy step to indicate that some new artifact was created on the target environment", order = 100)
context.addStep(step)
