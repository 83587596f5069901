# Planning script of tomcat.RestartServers (plan scope): every Tomcat server with a change in
# this sub-plan is stopped before its applications change (order 20) and started after (90).
servers = {}
for d in deltas.deltas:
    if d.operation != "NOOP":
        server = d.deployedOrPrevious.container
        servers[server.id] = server

for server_id in sorted(servers.keys()):
    server = servers[server_id]
    for order, action in [(20, "stop"), (90, "start")]:
        context.addStep(steps.os_script(
            description="%s Tomcat on %s" % (action.capitalize(), server.host.name),
            order=order,
            script="tomcat/%s" % action,
            target_host=server.host,
            freemarker_context={"server": server},
        ))
