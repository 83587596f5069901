# Fails planning on purpose: nothing partial may be printed.
for delta in specification.deltas:
    if delta.deployedOrPrevious.type == 'demo.Setting':
        raise Exception('no database configured for %s' % delta.deployedOrPrevious.name)
