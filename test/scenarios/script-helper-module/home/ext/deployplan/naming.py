ORDERS = {"deploy": 70, "restart": 90}
planned = []


def step_description(deployed):
    planned.append(deployed.name)
    return "Deploy %s on %s (artifact #%d of this plan)" % (deployed.name, deployed.container.name, len(planned))
