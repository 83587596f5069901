/**
 * Planning-script bodies using java.util's HashSet and HashMap the way plugins collect
 * containers to restart: on the fast path, real Jython 2.7 and Pyodide (whose stand-ins
 * are in java-standins.ts). Outputs avoid set iteration order, which none of the three share.
 */
export const javaCollectionScripts: Record<string, string> = {
  "java.util.HashSet collects unique items": `
from java.util import HashSet
restart = HashSet()
for host in [1, 2, 1, 3, 2]:
    if not restart.contains(host):
        print "first time", host
    restart.add(host)
print restart.size(), len(restart), restart.isEmpty(), 3 in restart
print restart.add(4), restart.add(4)
print restart.addAll([5, 1]), restart.addAll([5]), restart.removeAll([9]), restart.removeAll([5, 9])
print sorted(restart), sorted([h * 10 for h in restart])
print HashSet().isEmpty(), len(HashSet([7, 7, 8]))
`,
  "java.util.HashMap maps names to values": `
from java.util import HashMap
orders = HashMap()
print orders.put(1, 60), orders.put(1, 70), orders.put(2, 80)
print orders.get(1), orders.get(9), orders.getOrDefault(9, 0), orders[2]
print orders.containsKey(2), orders.containsValue(80), orders.containsValue(60)
orders.putAll({3: 90})
print orders.size(), len(orders), sorted(orders.keys()), sorted(orders.keySet()), sorted(orders.values())
print orders.remove(3), orders.remove(3), orders.isEmpty(), HashMap({4: 1}).get(4)
`,
  "a str put in a Java collection comes back as unicode": `
from java.util import HashSet, HashMap
names = HashSet(["web"])
names.add("db")
print sorted(names)
ports = HashMap()
ports.put("http", "80")
print ports.items(), ports.get("http")
print names
`,
  "a Java set's remove is Python's set.remove": `
from java.util import HashSet
hosts = HashSet([1, 2])
print hosts.remove(1), len(hosts)
hosts.remove(1)
`,
};
