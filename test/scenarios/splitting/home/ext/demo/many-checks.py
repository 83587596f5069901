for i in range(1, 121):
    context.addStep(steps.noop(description='Check %d of 120' % i, order=50))
