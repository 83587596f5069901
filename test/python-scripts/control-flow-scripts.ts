/**
 * Planning-script bodies of plain Python (no bindings) using `def`, `while`, `try` and
 * `raise`: run on the fast path, on real Jython 2.7 (fast-script-jython.test.ts) and on
 * Pyodide (fast-script-differential.test.ts), whose printed lines and uncaught exception
 * must agree.
 */
export const controlFlowScripts: Record<string, string> = {
  "functions: defaults, keywords, *args, **kwargs": `
def f(a, b=2, *args, **kw):
    return a, b, args, sorted(kw.items())
print f(1)
print f(1, 2, 3, 4, x=5)
print f(*[1, 2, 3])
print f(b=4, a=3)
print f(1, *(2, 3), **{'z': 1})
def describe(name, kind="app", version=None):
    if version is None:
        return "%s (%s)" % (name, kind)
    return "%s-%s (%s)" % (name, version, kind)
print describe("petclinic"), describe("db", kind="sql"), describe("web", "war", 3)
`,
  "defaults are evaluated once, when def runs": `
n = 1
def f(x=n, acc=[]):
    acc.append(x)
    return acc
n = 2
print f(), f(), f(5)
`,
  "no return gives None; bare return": `
def nothing():
    x = 1
def early(x):
    if x:
        return
    return "late"
print nothing(), early(True), early(False)
`,
  recursion: `
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def walk(tree, depth=0):
    out = ["  " * depth + tree[0]]
    for child in tree[1]:
        out.extend(walk(child, depth + 1))
    return out
print fib(15)
for line in walk(("root", [("a", [("a1", [])]), ("b", [])])):
    print line
`,
  "unbounded recursion is a RuntimeError": `
def down(n):
    return down(n + 1)
down(0)
`,
  "global and local names": `
count = 0
label = "module"
def bump():
    global count
    count += 1
def shadow():
    label = "local"
    return label
def read():
    return label, count
bump()
bump()
print count, shadow(), read(), label
def loop_variable():
    for i in range(3):
        pass
    return i
def comprehension_variable():
    squares = [j * j for j in range(4)]
    return squares, j
print loop_variable(), comprehension_variable()
`,
  "reading a local before assignment": `
total = 10
def f():
    print total
    total = 1
f()
`,
  "an undefined global in a function": `
def f():
    return undefined_thing
f()
`,
  "calling before def": `
f()
def f():
    return 1
`,
  "while with else, break and continue": `
i = 0
while i < 10:
    i += 1
    if i == 2:
        continue
    if i == 5:
        break
    print "i", i
else:
    print "no break"
while i < 7:
    i += 1
else:
    print "done at", i
n = 3
while n:
    n -= 1
print n
`,
  "for-else": `
for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print "not found"
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print "never"
print x
`,
  "try/except/else/finally ordering": `
out = []
def step(fail):
    out.append("try")
    try:
        out.append("body")
        if fail:
            raise ValueError("bad")
        out.append("body end")
    except ValueError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("finally")
    out.append("after")
step(False)
step(True)
print out
`,
  "finally runs on return and on an escaping exception": `
def other():
    return "other"
def r():
    try:
        return "returned"
    finally:
        print "finally after return", other()
print r()
def escape():
    try:
        {}["missing"]
    finally:
        print "finally while unwinding"
try:
    escape()
except KeyError:
    print "caught outside"
`,
  "exception matching by base class": `
def kind(which):
    try:
        if which == 0: key()
        if which == 1: index()
        if which == 2: zero()
        if which == 3: type_error()
        if which == 4: unbound()
        if which == 5: value()
    except LookupError:
        return "LookupError"
    except (ZeroDivisionError, TypeError):
        return "arithmetic or type"
    except NameError:
        return "NameError"
    except Exception:
        return "Exception"
def key():
    return {}["k"]
def index():
    return [][1]
def zero():
    return 1 / 0
def type_error():
    return "a" + 1
def unbound():
    x = y
    y = 1
def value():
    return int("x")
for which in range(6):
    print kind(which)
`,
  "an uncaught exception in a function keeps its line": `
def inner(d):
    return d["x"]
def outer():
    return inner({})
try:
    outer()
except AttributeError:
    print "wrong handler"
`,
  "str and args of caught exceptions": `
try:
    raise ValueError("bad value", 3)
except ValueError, e:
    print str(e), e.args
try:
    {}["key"]
except KeyError as e:
    print str(e), e.args
try:
    raise Exception
except Exception, e:
    print "[%s]" % e, e.args
try:
    raise ValueError, "old style"
except ValueError, e:
    print e
try:
    raise TypeError, ("a", 1)
except TypeError, e:
    print e.args
`,
  "re-raise with bare raise": `
def lookup():
    try:
        return {}["k"]
    except LookupError:
        print "logging and re-raising"
        raise
lookup()
`,
  "raise inside except replaces the exception": `
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("from handler")
except KeyError, e:
    print "outer caught", e
`,
  "raising an instance made earlier": `
error = RuntimeError("prepared")
try:
    raise error
except RuntimeError, e:
    print "caught", e
`,
  "raising a non-exception": `
try:
    raise "text"
except TypeError:
    print "TypeError"
`,
  "a bare except catches everything": `
try:
    undefined_name
except:
    print "caught"
`,
  "an exception escapes a handler that does not match": `
try:
    int("x")
except KeyError:
    print "no"
`,
  "exception in else is not caught by its try": `
try:
    try:
        x = 1
    except ValueError:
        print "not here"
    else:
        raise ValueError("from else")
except ValueError, e:
    print "outer", e
`,
  "loops inside try inside functions": `
def first_even(values):
    for v in values:
        try:
            if v % 2 == 0:
                return v
        except TypeError:
            continue
    return None
print first_even([1, "a", 3, 4, 6]), first_even([1])
def countdown(n):
    seen = []
    while True:
        try:
            if n == 0:
                break
            seen.append(n)
        finally:
            n -= 1
    return seen
print countdown(3)
`,
  "raise with a value that is a tuple or None": `
try:
    raise ValueError, None
except ValueError, e:
    print "[%s]" % e
try:
    raise ValueError, (1,)
except ValueError, e:
    print e
`,
  "function errors: argument counts and keywords": `
def g(a, b):
    return a
def h(a, b=1):
    return a
def n():
    return 1
def k(*args):
    return args
for call in range(9):
    try:
        if call == 0: g(1)
        if call == 1: g(1, 2, 3)
        if call == 2: g(1, b=2, c=3)
        if call == 3: g(1, a=2)
        if call == 4: h()
        if call == 5: h(1, 2, 3)
        if call == 6: n(1)
        if call == 7: k(a=1)
        if call == 8: g(1, **{'b': 2, 'c': 3})
    except TypeError, e:
        print e
`,
  "map, filter and reduce with lambdas and functions": `
def double(x):
    return x * 2
def scaled(values, factor):
    return map(lambda v: v * factor, values)
print map(double, [1, 2, 3]), map(lambda x, y=5: x + y, (1, 2))
print filter(lambda c: c != 'b', 'abc'), filter(lambda x: x, (0, 1, 2)), filter(lambda k: k, {'a': 1})
print reduce(lambda a, b: a + b, [1, 2, 3]), reduce(lambda a, b: a + b, [], 5), scaled([1, 2], 10)
for which in range(4):
    try:
        if which == 0: map(double, 1)
        if which == 1: filter(lambda x: x, 1)
        if which == 2: reduce(lambda a, b: a, 1)
        if which == 3: reduce(lambda a, b: a, [])
    except TypeError, e:
        print e
`,
  "a lambda reads its function's locals when called": `
def f():
    before = map(lambda q: later, [])
    try:
        map(lambda q: later, [1])
    except NameError, e:
        print "unbound:", e
    later = 2
    return before, map(lambda q: later + q, [1])
print f()
`,
  "assert and del": `
def check(which):
    try:
        if which == 0: assert False, "message"
        if which == 1: assert 0
        if which == 2: assert 1 == 2, ("a", 1)
        if which == 3:
            d = {"a": 1}
            del d["b"]
        if which == 4:
            l = [1]
            del l[3]
        if which == 5:
            t = (1,)
            del t[0]
        if which == 6:
            x = 1
            del x
            print x
        if which == 7:
            del never_bound
    except (AssertionError, LookupError, TypeError, NameError), e:
        print type_name(which), e, e.args
def type_name(which):
    return ["assert", "assert", "assert", "key", "index", "tuple", "unbound", "unbound"][which]
for which in range(8):
    check(which)
l = [1, 2, 3]
d = {"a": 1, "b": 2}
del l[0], l[0], d["a"]
assert l == [3], "not reached"
print l, d
y = 1
del y
print y
`,
};
