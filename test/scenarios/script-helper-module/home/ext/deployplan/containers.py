from java.util import HashSet


def touched_containers(deltas):
    names = HashSet()
    for delta in deltas:
        if delta.operation != "NOOP":
            names.add(delta.deployedOrPrevious.container.name)
    return sorted(names, key=lambda name: name.lower())
