import fc from "fast-check";

/**
 * Random expressions over the fast-path subset, as source text. Values are kept small
 * where Python would otherwise build huge objects (sequence repetition, powers), so both
 * sides finish quickly; everything else — mixed types, wrong arities, bad formats — is
 * fair game, since the same exception type is as good an answer as the same value.
 */

/** Names the generated expressions read; `generatedWorldExpressions` makes the world define them. */
export const generatedWorldExpressions = [
  "deployed.container.host.os",
  "deployed.order",
  "deployed.enabled",
  "deployed.tags",
  "deployed.label",
  "deployed.ports",
  "deployed.settings",
  "deployed.targetPath",
  "deployed.retries",
  "deployed.unsetProperty",
];

export const generatedPropertyKinds = new Map([
  ["order", { kind: "integer" }],
  ["retries", { kind: "integer" }],
  ["enabled", { kind: "boolean" }],
  ["tags", { kind: "list_of_string" }],
  ["ports", { kind: "set_of_string" }],
  ["settings", { kind: "map_string_string" }],
]);

const smallInt = fc.integer({ min: -12, max: 40 }).map((n) => (n < 0 ? `(${n})` : String(n)));
const exponent = fc.integer({ min: 0, max: 4 }).map(String);
const bigInt = fc.constantFrom(
  "2147483647",
  "2147483648",
  "(-2147483648)",
  "10L",
  "0L",
  "99999999999",
  "0x7fffffff",
  "017",
  "0",
);
const floatLiteral = fc.constantFrom(
  "0.0",
  "1.5",
  "(-2.25)",
  "1e16",
  "1e-5",
  "0.1",
  "2.675",
  "1e300",
  "3.0",
  "100000.0",
  "123456789.125",
  "0.5",
  "2.5",
  "(-0.0)",
  "1234567.891",
);
const stringLiteral = fc.constantFrom(
  "'abc'",
  "u'abc'",
  "'Hello World'",
  "u'  pad  '",
  "'a,b,,c'",
  "'%s'",
  "u'x\\ty'",
  "'it\\'s'",
  '"say \\"hi\\""',
  "u'\\xe9t\\xe9'",
  "'MiXeD case'",
  "''",
  "u''",
  "'12'",
  "' 42 '",
  "'3.5'",
  "'a\\nb\\r\\nc'",
  "r'\\d+'",
  "'x' 'y'",
  "u'snow\\u2603man'",
  "'-7'",
  "'title case words'",
  "'0x1f'",
);
const bindingName = fc.constantFrom(
  "deployed.name",
  "deployed.id",
  "deployed.type",
  "deployed.order",
  "deployed.enabled",
  "deployed.tags",
  "deployed.label",
  "deployed.ports",
  "deployed.settings",
  "deployed.container.name",
  "deployed.container",
  "deployed.container.host.os",
  "deployed.unsetProperty",
  "deployed.retries",
  "delta.operation",
  "previousDeployed.name",
  "deployed['order']",
  "deployed.values['label']",
  "deployed.getProperty('order')",
);
const singleton = fc.constantFrom("None", "True", "False");

const percentFormat = fc.constantFrom(
  "'%s'",
  "'%5.2f'",
  "'%-6d|'",
  "'%+.3e'",
  "'%x %X %o'",
  "'%#x'",
  "'%05d'",
  "'%r'",
  "'%c'",
  "'%(a)s'",
  "'%%%s'",
  "'%*d'",
  "'%g'",
  "'%10.4G'",
  "'% d'",
  "'%.3s'",
  "'%i'",
  "'%u'",
  "u'%s-%s'",
  "'%s on %s'",
  "'%.0f'",
  "'%#.0f'",
  "'%#o'",
  "'%E'",
  "'%-8r|'",
  "'%.1f%%'",
  "'%d items'",
  "'%z'",
);
const formatTemplate = fc.constantFrom(
  "'{}'",
  "'{0:>10}'",
  "'{:<6}|'",
  "'{:^9}'",
  "'{:*^9}'",
  "'{:+d}'",
  "'{: d}'",
  "'{:#x}'",
  "'{:#o}'",
  "'{:08.3f}'",
  "'{:,}'",
  "'{:,.2f}'",
  "'{:%}'",
  "'{:.2%}'",
  "'{:b}'",
  "'{:e}'",
  "'{:.3g}'",
  "'{0!r}'",
  "'{0!s}'",
  "'{0[0]}'",
  "'{{}} {}'",
  "u'{} {}'",
  "'{1}{0}'",
  "'{:.2}'",
  "'{:5}'",
  "'{:=+8}'",
  "'{:x<4}'",
  "'{0.name}'",
  "'{} and {}'",
  "'{:s}'",
  "'{:d}'",
  "'{:f}'",
  "'{:>{}}'",
);
const stringMethod = fc.constantFrom(
  "upper()",
  "lower()",
  "strip()",
  "lstrip()",
  "rstrip()",
  "strip('a')",
  "split()",
  "split(',')",
  "split(',', 1)",
  "rsplit(None, 1)",
  "replace('a', 'b')",
  "replace('', '-')",
  "startswith('a')",
  "endswith('c')",
  "find('b')",
  "rfind('a')",
  "index('x')",
  "count('a')",
  "capitalize()",
  "title()",
  "isdigit()",
  "isalpha()",
  "isspace()",
  "isupper()",
  "islower()",
  "splitlines()",
  "zfill(6)",
  "ljust(7, '.')",
  "rjust(7)",
  "center(8, '*')",
  "join(['x', 'y'])",
  "partition(' ')",
  "rpartition(',')",
  "swapcase()",
  "isalnum()",
);

export interface ExpressionArbitraries {
  expression: fc.Arbitrary<string>;
}

export function expressionArbitrary(): fc.Arbitrary<string> {
  const { expression } = fc.letrec<{ expression: string; numeric: string; text: string; atom: string }>((tie) => ({
    atom: fc.oneof(smallInt, bigInt, floatLiteral, stringLiteral, bindingName, singleton),
    numeric: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      smallInt,
      bigInt,
      floatLiteral,
      fc.constantFrom("deployed.order", "deployed.retries", "True", "False"),
      fc
        .tuple(tie("numeric"), fc.constantFrom("+", "-", "*", "/", "//", "%"), tie("numeric"))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc.tuple(tie("numeric"), exponent).map(([a, e]) => `(${a} ** ${e})`),
      tie("numeric").map((a) => `(-${a})`),
      fc
        .tuple(fc.constantFrom("abs", "int", "float", "round", "bool", "str", "repr", "long"), tie("numeric"))
        .map(([f, a]) => `${f}(${a})`),
      fc.tuple(tie("numeric"), fc.integer({ min: -2, max: 3 })).map(([a, n]) => `round(${a}, ${n})`),
      fc.tuple(fc.constantFrom("min", "max"), tie("numeric"), tie("numeric")).map(([f, a, b]) => `${f}(${a}, ${b})`),
    ),
    text: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      stringLiteral,
      fc.constantFrom(
        "deployed.name",
        "deployed.label",
        "deployed.id",
        "deployed.container.host.os",
        "delta.operation",
      ),
      fc.tuple(tie("text"), stringMethod).map(([s, m]) => `${s}.${m}`),
      fc.tuple(tie("text"), fc.constantFrom("+"), tie("text")).map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc.tuple(tie("text"), fc.integer({ min: 0, max: 3 })).map(([s, n]) => `(${s} * ${n})`),
      fc
        .tuple(percentFormat, fc.array(tie("expression"), { minLength: 0, maxLength: 3 }))
        .map(
          ([f, args]) =>
            `(${f} % ${args.length === 1 ? args[0] : `(${args.join(", ")}${args.length === 1 ? "," : ""})`})`,
        ),
      fc.tuple(percentFormat, tie("expression")).map(([f, a]) => `(${f} % ${a})`),
      fc.tuple(percentFormat, tie("expression")).map(([f, a]) => `(${f} % {'a': ${a}})`),
      fc
        .tuple(formatTemplate, fc.array(tie("expression"), { minLength: 1, maxLength: 3 }))
        .map(([f, args]) => `${f}.format(${args.join(", ")})`),
      fc.tuple(fc.constantFrom("str", "unicode", "repr"), tie("expression")).map(([f, a]) => `${f}(${a})`),
      fc.tuple(tie("text"), smallInt).map(([s, i]) => `${s}[${i}]`),
      fc
        .tuple(tie("text"), fc.option(smallInt), fc.option(smallInt), fc.option(smallInt))
        .map(([s, a, b, c]) => `${s}[${a ?? ""}:${b ?? ""}${c === null ? "" : `:${c}`}]`),
    ),
    expression: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      tie("atom"),
      tie("numeric"),
      tie("text"),
      fc
        .tuple(
          tie("expression"),
          fc.constantFrom("==", "!=", "<", "<=", ">", ">=", "<>", "in", "not in"),
          tie("expression"),
        )
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc
        .tuple(
          tie("numeric"),
          fc.constantFrom("<", "<=", "=="),
          tie("numeric"),
          fc.constantFrom("<", ">="),
          tie("numeric"),
        )
        .map(([a, op1, b, op2, c]) => `(${a} ${op1} ${b} ${op2} ${c})`),
      fc.tuple(tie("expression"), fc.constantFrom("is", "is not"), singleton).map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc
        .tuple(tie("expression"), fc.constantFrom("and", "or"), tie("expression"))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      tie("expression").map((a) => `(not ${a})`),
      fc.tuple(tie("expression"), tie("expression"), tie("expression")).map(([a, b, c]) => `(${a} if ${b} else ${c})`),
      fc
        .tuple(
          fc.constantFrom(
            "len",
            "bool",
            "sorted",
            "list",
            "tuple",
            "any",
            "all",
            "set",
            "isinstance_str",
            "isinstance_num",
          ),
          tie("expression"),
        )
        .map(([f, a]) =>
          f === "isinstance_str"
            ? `isinstance(${a}, basestring)`
            : f === "isinstance_num"
              ? `isinstance(${a}, (int, long, float))`
              : `${f}(${a})`,
        ),
      fc.array(tie("expression"), { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
      fc
        .array(tie("expression"), { maxLength: 3 })
        .map((items) => `(${items.join(", ")}${items.length === 1 ? "," : ""})`),
      fc.tuple(fc.oneof(stringLiteral, smallInt), tie("expression")).map(([k, v]) => `{${k}: ${v}}`),
      fc
        .tuple(
          fc.constantFrom("deployed.settings", "{'a': 1, u'b': 2}"),
          fc.constantFrom("'a'", "u'b'", "'zz'", "'settingsKey'"),
        )
        .map(([d, k]) => `${d}.get(${k})`),
      fc.tuple(tie("expression"), smallInt).map(([s, i]) => `${s}[${i}]`),
      fc
        .tuple(fc.constantFrom("min", "max"), tie("expression"), tie("expression"))
        .map(([f, a, b]) => `${f}(${a}, ${b})`),
      fc.tuple(tie("expression"), tie("expression")).map(([a, b]) => `(${a} + ${b})`),
      fc.tuple(tie("expression"), fc.integer({ min: -1, max: 3 })).map(([a, n]) => `(${a} * ${n})`),
      fc.tuple(fc.constantFrom("range"), fc.integer({ min: -3, max: 8 })).map(([f, n]) => `${f}(${n})`),
    ),
  }));
  return expression;
}
