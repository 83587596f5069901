/**
 * Plain-Python planning-script bodies (no bindings) using what real plugins' scripts use
 * beyond the basic subset: functions and lambdas as values, nested functions and closures,
 * sorted()/list.sort() with cmp, key and reverse, and tab indentation. They run on the fast
 * path, on real Jython 2.7 (fast-script-jython.test.ts) and on Pyodide
 * (fast-script-differential.test.ts); printed lines and the uncaught exception must agree.
 */
export const functionValueScripts: Record<string, string> = {
  "functions and lambdas as values": `
def double(v):
    return v * 2
steps_by_kind = {'double': double, 'inc': lambda v: v + 1}
pipeline = [steps_by_kind['double'], steps_by_kind['inc'], double]
value = 3
for step in pipeline:
    value = step(value)
print value
chosen = double if value > 10 else steps_by_kind['inc']
print chosen(5)
def apply_all(functions, v):
    return [f(v) for f in functions]
print apply_all(pipeline, 1)
compose = lambda f, g: lambda v: f(g(v))
print compose(double, lambda v: v - 1)(10)
`,
  "nested functions read their enclosing function's names late": `
def planner(prefix):
    planned = []
    def plan(name, order=50):
        planned.append("%s %s (%d)" % (prefix, name, order))
        return len(planned)
    def describe():
        return "; ".join(planned)
    plan("stop")
    plan("start", 90)
    suffix = "done"
    def finish():
        return describe() + " " + suffix
    return finish
print planner("server")()
def counters():
    made = []
    for i in range(3):
        made.append(lambda: i * 10)
    return [c() for c in made]
print counters()
def three(a):
    def two(b):
        def one(c):
            return [a, b, c]
        return one
    return two
print three("x")("y")("z")
def recursive_inner(n):
    def countdown(k):
        if k == 0:
            return ["go"]
        return [k] + countdown(k - 1)
    return countdown(n)
print recursive_inner(3)
`,
  "a free variable read before its enclosing function binds it": `
def outer():
    def peek():
        return later
    seen = peek()
    later = 1
    return seen
outer()
`,
  "map, filter and reduce take any callable": `
def square(v):
    return v * v
print map(square, [1, 2, 3]), map(str, [4, 5]), map(None, [6])
print filter(None, [0, 1, "", "a", None]), filter(lambda v: v % 2, range(7))
total = reduce(lambda a, b: a + b, map(len, ["ab", "cde"]), 100)
print total
handlers = [square, lambda v: -v]
print [map(h, [2, 3]) for h in handlers]
`,
  "sorted and list.sort with cmp, key and reverse": `
def by_host_then_name(a, b):
    return cmp(a[0], b[0]) or cmp(a[1], b[1])
servers = [("web", "b"), ("db", "z"), ("web", "a"), ("db", "c")]
print sorted(servers, by_host_then_name)
print sorted(servers, key=lambda s: s[1])
print sorted(servers, key=lambda s: s[0], reverse=True)
print sorted(servers, None, lambda s: s[1], True)
names = ["gamma", "al", "beta", "d"]
names.sort(key=len)
print names
names.sort(lambda a, b: cmp(b, a))
print names
names.sort(reverse=True, key=lambda n: n[-1])
print names
print sorted(range(80), lambda a, b: (a % 9) - (b % 9))[:12]
`,
  "a cmp function that is not a consistent order": `
def linked_first(a, b):
    if a[0] == b[0]:
        if a[1] == "linked":
            return 1
        if b[1] == "linked":
            return -1
    return 0
containers = [("h1", "app"), ("h1", "linked"), ("h2", "web"), ("h1", "db"), ("h2", "linked"), ("h1", "cache")]
print sorted(containers, linked_first)
print sorted(containers, linked_first, reverse=True)
`,
  "a cmp function must return an integer": `
print sorted([2, 1], lambda a, b: "less")
`,
  "TypeErrors name a function's type": `
def describe():
    return "x"
for value in [describe, lambda: 1]:
    try:
        len(value)
    except TypeError, e:
        print e
try:
    for item in describe:
        pass
except TypeError, e:
    print e
`,
  "tab indentation":
    "def targets(names):\n\tfound = []\n\tfor name in names:\n\t\tif name.startswith('t'):\n\t\t\tfound.append(name)\n\treturn found\nprint targets(['tomcat', 'db', 'tibco'])\n",
  // A tab advances to the next multiple of 8, and a block may mix tabs and spaces (Python 3
  // refuses the mix; the interpreter's py2 fixer expands such indentation first).
  "tabs and spaces mixed in one block": "if True:\n\tx = 1\n        y = 2\n    \tprint x + y\n",
  "tabs and spaces at different depths":
    "for i in [1, 2]:\n    if i > 1:\n\tprint 'second', i\n    else:\n        print 'first'\n",
};
