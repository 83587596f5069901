# Planning script of petclinic.MailSession (deployed scope): writes, rewrites or removes the
# mail session's resource file and commits the delta's operation with a checkpoint.
session = delta.deployedOrPrevious
resource = "%s/conf/Catalina/localhost/%s.xml" % (session.container.home, session.name)

if delta.operation == "DESTROY":
    step = steps.delete(
        description="Remove mail session %s from %s" % (session.jndiName, session.container.host.name),
        target_path=resource,
    )
else:
    step = steps.template(
        description="Configure mail session %s on %s" % (session.jndiName, session.container.host.name),
        template_path="petclinic/mail-session.xml.ftl",
        target_path=resource,
    )
context.addStepWithCheckpoint(step, delta)
