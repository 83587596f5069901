# Execution-time script of the jython step of petclinic.SmokeTest: fetches the application's
# page on every server of the environment. Planning only names it; Planwright does not run it.
import urllib2

for server in environment.members:
    url = "http://%s:%d%s" % (server.host.address, server.httpPort, path)
    urllib2.urlopen(url, timeout=30).read()
    print("%s answers" % url)
