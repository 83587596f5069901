# The plugin's own helper package, from the classpath (ext/deployplan/).
from deployplan.naming import ORDERS, step_description

context.addStep(steps.noop(description=step_description(deployed), order=ORDERS["deploy"]))
