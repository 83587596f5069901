import { describe, expect, it } from "vitest";
import type { ConfigurationItem } from "../../repository/model.js";
import type { PropertyDescriptor, TypeRegistry } from "../../types/model.js";
import { type HostObject, hostObject } from "../host-object.js";
import { toHost } from "../values/ci-bridge.js";
import { displayValue } from "../values/display.js";
import { PythonException } from "../values/python-exception.js";
import { repr } from "../values/text.js";
import { compileFastExpression, type FastEnvironment } from "./fast-expression.js";

function property(name: string, kind: PropertyDescriptor["kind"], defaultValue?: unknown): PropertyDescriptor {
  return {
    name,
    kind,
    declaringType: "test.Deployed",
    required: false,
    defaultValue,
    hidden: false,
    password: false,
    transient: false,
    asContainment: false,
    inspectionProperty: false,
    category: "Common",
  };
}

const declared = [property("ports", "set_of_string"), property("order", "integer", 60), property("label", "string")];

/** A two-type registry: test.Deployed extends udm.BaseDeployed. */
const types = {
  has: (name: string) => name === "test.Deployed" || name === "udm.BaseDeployed",
  isSubtypeOf: (name: string, ancestor: string) =>
    name === ancestor || (name === "test.Deployed" && ancestor === "udm.BaseDeployed"),
  properties: () => declared,
  property: (type: string, name: string) =>
    type === "test.Deployed" ? declared.find((p) => p.name === name) : undefined,
} as unknown as TypeRegistry;

const host: ConfigurationItem = {
  id: "Infrastructure/web-1",
  name: "web-1",
  type: "overthere.SshHost",
  values: { os: "UNIX" },
};
const container: ConfigurationItem = {
  id: "Infrastructure/web-1/tomcat",
  name: "tomcat",
  type: "tomcat.Server",
  values: { host },
};
const deployed: ConfigurationItem = {
  id: "Infrastructure/web-1/tomcat/petclinic",
  name: "petclinic",
  type: "test.Deployed",
  values: { container, ports: ["8080", "8443"], label: "Pet Clinic", enabled: true, tags: ["a", "b"] },
};
const context: HostObject = {
  [hostObject]: true,
  pyTypeName: "DeploymentPlanningContext",
  pyGetAttr: (name) =>
    name === "getAttribute"
      ? (key: unknown) => (key === "document" ? "doc-1" : null)
      : name === "isRollback"
        ? () => false
        : undefined,
};
const bindings = {
  deployed,
  context,
  delta: {
    id: deployed.id,
    operation: "MODIFY",
    deployed,
    previous: deployed,
    deployedOrPrevious: deployed,
    changedProperties: [],
  },
  macro: { order: "61", resource: "pod" },
};
const env: FastEnvironment = { types };

function evaluate(source: string): unknown {
  const compiled = compileFastExpression(source);
  if (!compiled) throw new Error(`declined: ${source}`);
  return compiled.evaluate(bindings, env);
}

function reprOf(source: string): string {
  return repr(evaluate(source));
}

function errorOf(source: string): string {
  try {
    evaluate(source);
  } catch (error) {
    if (error instanceof PythonException) return error.pythonType;
    throw error;
  }
  return "no error";
}

// Expected values are what Jython 2.7 prints for repr() of the same expression.
const cases: [string, string][] = [
  // literals
  ["'abc'", "'abc'"],
  ["u'abc'", "u'abc'"],
  ["'a' u'b' 'c'", "u'abc'"],
  ["r'\\d+'", "'\\\\d+'"],
  ["'it\\'s'", `"it's"`],
  ["u'a\\xe9\\n'", "u'a\\xe9\\n'"],
  ["'\\x41\\101'", "'AA'"],
  ["10L", "10L"],
  ["2147483647", "2147483647"],
  ["2147483648", "2147483648L"],
  ["017", "15"],
  ["0x1f", "31"],
  ["1.5", "1.5"],
  ["1e16", "1e+16"],
  ["1e-5", "1e-05"],
  ["0.1 + 0.2", "0.30000000000000004"],
  ["[1, 'a', None, True]", "[1, 'a', None, True]"],
  ["(1,)", "(1,)"],
  ["()", "()"],
  ["{'a': 1}", "{'a': 1}"],
  ["1, 2", "(1, 2)"],
  // arithmetic with Python 2 semantics
  ["7 / 2", "3"],
  ["7 / -2", "-4"],
  ["-7 % 3", "2"],
  ["7 % -3", "-2"],
  ["7.5 // 2", "3.0"],
  ["2 ** -1", "0.5"],
  ["-2 ** 2", "-4"],
  ["2 ** 31", "2147483648L"],
  ["2147483647 + 1", "2147483648L"],
  ["3 * 'ab'", "'ababab'"],
  ["[1] + [2]", "[1, 2]"],
  ["True + 1", "2"],
  ["10 / 3.0", "3.3333333333333335"],
  // comparisons, identity, membership, truthiness
  ["1 < 2 < 3", "True"],
  ["1 < 3 < 2", "False"],
  ["3 <> 4", "True"],
  ["1 == 1.0", "True"],
  ["'a' == u'a'", "True"],
  ["None < 0", "True"],
  ["1 < 'a'", "True"],
  ["[] < ()", "True"],
  ["'b' in 'abc'", "True"],
  ["3 not in [1, 2]", "True"],
  ["0 or ''", "''"],
  ["1 and 'x'", "'x'"],
  ["not 0", "True"],
  ["1 if 0 else 2", "2"],
  ["deployed.enabled is True", "True"],
  ["deployed.container.anyProperty is None", "True"], // type unknown to the registry: unset is None
  // % formatting
  ["'%s on %s' % (deployed.name, deployed.container.name)", "u'petclinic on tomcat'"],
  [
    "'%5.2f|%-5d|%+d|%x|%#o|%e|%g|%G' % (3.14159, 42, 5, 255, 8, 12345.678, 0.00001234, 1e20)",
    "' 3.14|42   |+5|ff|010|1.234568e+04|1.234e-05|1E+20'",
  ],
  ["'%(a)s %(b)r' % {'a': 1, 'b': 'x'}", `"1 'x'"`],
  ["'%*d|%-*.*f' % (5, 3, 8, 2, 3.14159)", "'    3|3.14    '"],
  [
    "'%.3s|%5s|%-5s|%05d|% d|%x|%X|%o|%i|%u' % ('abcdef', 'ab', 'ab', -42, 7, -255, 255, -8, 2, 3)",
    "'abc|   ab|ab   |-0042| 7|-ff|FF|-10|2|3'",
  ],
  ["'%d' % 3.7", "'3'"],
  ["'%r' % u'x'", `"u'x'"`],
  ["'%c' % 65", "'A'"],
  ["'%.2f' % 2.675", "'2.67'"],
  ["'%s' % 1e16", "'1e+16'"],
  ["'%s %s' % {'a': 1}", `"{'a': 1} {'a': 1}"`],
  // str.format
  ["'{0:>8}|{1:,}|{2:.3e}'.format('a', 1234567, 3.14159)", "'       a|1,234,567|3.142e+00'"],
  [
    "'{:*^9}|{:+}|{: }|{:#x}|{:#o}|{:08.3f}|{:,.2f}|{:%}|{:.2%}|{:b}|{:c}'.format('d', 5, 6, 255, 8, 3.14159, 1234567.891, 0.5, 0.125, 5, 65)",
    "'****d****|+5| 6|0xff|0o10|0003.142|1,234,567.89|50.000000%|12.50%|101|A'",
  ],
  ["'{0[1]} {0!r} {1!s}'.format([1, 2], u'y')", "'2 [1, 2] y'"],
  ["'{{x}} {}'.format(u'a')", "'{x} a'"],
  ["'{0.name}'.format(deployed)", "'petclinic'"],
  ["'{:5}'.format(True)", "'    1'"],
  // builtins
  ["len(u'abc')", "3"],
  ["str(u'abc')", "'abc'"],
  ["unicode(5)", "u'5'"],
  ["int('12')", "12"],
  ["int(-3.9)", "-3"],
  ["float('1.5')", "1.5"],
  ["str(1.0 / 3)", "'0.333333333333'"],
  ["round(2.5)", "3.0"],
  ["round(2.675, 2)", "2.67"],
  ["round(15, -1)", "20.0"],
  ["max([1, 3, 2])", "3"],
  ["min(4, 2)", "2"],
  ["sorted(['b', 'a'])", "['a', 'b']"],
  ["abs(-3L)", "3L"],
  ["bool([])", "False"],
  ["isinstance(deployed.name, basestring)", "True"],
  ["isinstance(1, (str, int))", "True"],
  ["range(3)", "[0, 1, 2]"],
  ["dict()", "{}"],
  ["repr(u'x')", `"u'x'"`],
  // string, list and dict methods
  ["' a b '.split()", "['a', 'b']"],
  ["'a,b,,c'.split(',')", "['a', 'b', '', 'c']"],
  ["'a b c'.rsplit(None, 1)", "['a b', 'c']"],
  ["'x'.join(['a', u'b'])", "u'axb'"],
  ["u'abc'.upper()", "u'ABC'"],
  ["'  x '.strip()", "'x'"],
  ["'abc'.startswith(('x', 'a'))", "True"],
  ["'abc'.find('c')", "2"],
  ["'abc'.replace('b', 'B')", "'aBc'"],
  ["'hello world'.title()", "'Hello World'"],
  ["'42'.zfill(5)", "'00042'"],
  ["'ab'.center(5, '*')", "'**ab*'"],
  ["'a\\nb'.splitlines()", "['a', 'b']"],
  ["[1, 2, 1].count(1)", "2"],
  ["{'a': 1}.get('b', 2)", "2"],
  ["{'a': 1}.has_key('a')", "True"],
  ["{'a': 1}.keys()", "['a']"],
  // item access and slices
  ["'abc'[1:]", "'bc'"],
  ["'abc'[::-1]", "'cba'"],
  ["[1, 2, 3][-1]", "3"],
  ["(1, 2, 3)[0:2]", "(1, 2)"],
  ["macro['resource']", "u'pod'"],
  ["int(macro['order']) + 1", "62"],
  // the CI bridge
  ["deployed.name", "u'petclinic'"],
  ["deployed.id", "u'Infrastructure/web-1/tomcat/petclinic'"],
  ["deployed.type", "test.Deployed"],
  ["deployed.type == 'test.Deployed'", "True"],
  ["str(deployed.type)", "'test.Deployed'"],
  ["deployed.type.instanceOf('udm.BaseDeployed')", "True"],
  ["deployed.container.host.os != 'WINDOWS'", "True"],
  ["deployed['label']", "u'Pet Clinic'"],
  ["deployed.values['label']", "u'Pet Clinic'"],
  ["deployed.getProperty('label')", "u'Pet Clinic'"],
  ["deployed.order", "60"],
  ["deployed.ports", "set([u'8080', u'8443'])"],
  ["deployed.tags", "[u'a', u'b']"],
  ["'%s' % deployed.container", "'Infrastructure/web-1/tomcat'"],
  ["delta.operation == 'MODIFY'", "True"],
  ["delta.operation", "MODIFY"],
  ["delta.deployedOrPrevious.name", "u'petclinic'"],
  ["context.getAttribute('document')", "u'doc-1'"],
  ["not context.isRollback()", "True"],
];

describe("fast-path expressions", () => {
  it.each(cases)("%s → %s", (source, expected) => {
    expect(reprOf(source)).toBe(expected);
  });

  it.each([
    ["1 / 0", "ZeroDivisionError"],
    ["1.0 / 0", "ZeroDivisionError"],
    ["[1, 2][5]", "IndexError"],
    ["{'a': 1}['b']", "KeyError"],
    ["'a' + 1", "TypeError"],
    ["int('x')", "ValueError"],
    ["undefinedName", "NameError"],
    ["deployed.notAProperty", "AttributeError"],
    ["deployed['notAProperty']", "KeyError"],
    ["'abc'.noSuchMethod()", "AttributeError"],
    ["'%s %s' % ('a',)", "TypeError"],
    ["'%s' % ('a', 'b')", "TypeError"],
    ["'%z' % ()", "ValueError"],
    ["str(u'\\xe9')", "UnicodeEncodeError"],
    ["len(5)", "TypeError"],
    ["deployed.ports < [1]", "TypeError"],
  ])("%s raises %s", (source, type) => {
    expect(errorOf(source)).toBe(type);
  });

  it.each([
    "lambda x: x",
    "[x for x in deployed.tags]",
    "map(str, deployed.tags)",
    "deployed.tags.append('x')",
    "deployed.name is deployed.name",
    "f(a=1)",
    "x = 1",
    "`deployed`",
    "1 | 2",
    "'\u00e9'",
    "",
  ])("declines %j (the interpreter takes it)", (source) => {
    expect(compileFastExpression(source)).toBeUndefined();
  });

  it("joins lines as XL Deploy does, also after an operator outside brackets", () => {
    const source = `\n   "Pull '%s' on '%s' " %\n      (deployed.name,\n       deployed.container.name)\n  `;
    expect(reprOf(source)).toBe(`u"Pull 'petclinic' on 'tomcat' "`);
  });

  it("returns planner values through toHost and eval's display form", () => {
    expect(toHost(evaluate("('a', 1.5, [u'b'], {'k': 2L})"))).toEqual(["a", 1.5, ["b"], new Map([["k", 2]])]);
    expect(displayValue(evaluate("{'k': deployed.container}"))).toEqual({
      type: "dict",
      repr: "{'k': Infrastructure/web-1/tomcat}",
      json: { k: "Infrastructure/web-1/tomcat" },
    });
    expect(displayValue(evaluate("2 ** 40"))).toMatchObject({ type: "long", repr: "1099511627776L" });
  });
});
