# Planning script of petclinic.SmokeTest (post-plan scope): one HTTP check per Tomcat server
# the new version runs on, after everything else.
servers = {}
for d in specification.deltas:
    if d.operation != "DESTROY" and d.deployed.type == "tomcat.WarModule":
        servers[d.deployed.container.id] = (d.deployed.container, d.deployed.contextRoot)

for server_id in sorted(servers.keys()):
    server, context_root = servers[server_id]
    url = "http://%s:%d%s" % (server.host.address, server.httpPort, context_root)
    context.addStep(steps.os_script(
        description="Smoke-test %s" % url,
        order=95,
        script="petclinic/smoke-test",
        target_host=server.host,
        freemarker_context={"url": url},
    ))
