from deployplan.naming import ORDERS, planned
from deployplan.containers import touched_containers

for name in touched_containers(specification.deltas):
    context.addStep(steps.noop(description="Restart %s after %d artifact(s)" % (name, len(planned)), order=ORDERS["restart"]))
