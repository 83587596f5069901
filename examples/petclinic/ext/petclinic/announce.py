# Execution-time script of the jython step of petclinic.AnnounceDeployment. Planning only
# names it; Planwright does not run it.
print("Deploying to %s; follow along in %s" % (environment, channel))
