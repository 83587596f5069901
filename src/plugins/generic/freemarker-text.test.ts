// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are FreeMarker templates, not JS templates
import { describe, expect, it } from "vitest";
import { type FreemarkerLookup, renderFreemarkerText, resolveFreemarkerText, unknownValue } from "./freemarker-text.js";

/** A data model as nested objects; walking into a scalar or a missing value is missing. */
function treeLookup(data: Record<string, unknown>): FreemarkerLookup {
  return (path) => {
    let current: unknown = data;
    for (const segment of path) {
      if (current === unknownValue) return unknownValue;
      if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
    return current;
  };
}

const lookup = treeLookup({
  deployed: {
    name: "orders",
    port: 8080,
    retries: 3,
    ratio: 1.5,
    enabled: true,
    restartOnNoop: false,
    empty: "",
    padded: " \t x y\u00a0 \n",
    answer: "42",
    yes: "true",
    aliases: ["a", "b"],
    noAliases: [],
    tags: new Set(["x", "y"]),
    oneTag: new Set(["x"]),
    virtualHost: null,
    file: unknownValue,
    settings: { mode: "fast" },
    container: { home: "/opt/app", defaultDocumentRoot: "/var/www", host: { address: "10.0.0.1" } },
  },
});

const render = (text: string) => renderFreemarkerText(text, lookup);

describe("resolveFreemarkerText", () => {
  it('resolves paths, a["b"] keys and text around them', () => {
    expect(render("${deployed.container.home}/conf/${deployed.name}.xml")).toBe("/opt/app/conf/orders.xml");
    expect(render('${deployed["container"].host["address"]}')).toBe("10.0.0.1");
    expect(render("${deployed.settings.mode}")).toBe("fast");
    expect(render("${ deployed.name }")).toBe("orders");
  });

  it("leaves text without FreeMarker alone", () => {
    expect(resolveFreemarkerText("scripts/install.sh", lookup)).toBe("scripts/install.sh");
    expect(resolveFreemarkerText("$HOME {x} <b>#</b> [x]", lookup)).toBe("$HOME {x} <b>#</b> [x]");
  });

  describe("literals", () => {
    it("reads string literals with FreeMarker escapes, interpolations and raw strings", () => {
      expect(render('${"a\\"b\\\\c"}')).toBe('a"b\\c');
      expect(render("${'it\\'s'}")).toBe("it's");
      expect(render('${"\\l\\g\\a\\{\\x41\\n"}')).toBe("<>&{A\n");
      expect(render('${r"C:\\new"}')).toBe("C:\\new");
      expect(render('${"x-${deployed.name}-${deployed.retries + 1}"}')).toBe("x-orders-4");
      expect(render('<#assign dir = "${deployed.container.home}/conf"/>${dir}')).toBe("/opt/app/conf");
      expect(render('${"$\\{kept}"}')).toBe("${kept}");
      expect(render("<#if deployed.name == \"${'ord' + 'ers'}\">same</#if>")).toBe("same");
    });

    it("reads numbers and booleans", () => {
      expect(render("${42}")).toBe("42");
      expect(render("<#if true>t</#if><#if false>f</#if>")).toBe("t");
    });
  });

  describe("missing values and defaults", () => {
    it("uses the default after ! for a missing last step, empty text without one", () => {
      expect(render("${deployed.user!'admin'}")).toBe("admin");
      expect(render('${deployed.user!"root"}')).toBe("root");
      expect(render("x${deployed.user!}y")).toBe("xy");
      expect(render("${deployed.user!7}")).toBe("7");
      expect(render("${deployed.name!'other'}")).toBe("orders");
      expect(render("${deployed.virtualHost!'none'}")).toBe("none");
    });

    it("applies (a.b)!x to a missing value anywhere in the parenthesised path", () => {
      expect(render("${(deployed.virtualHost.documentRoot)!'/srv'}")).toBe("/srv");
      expect(render("${(deployed.virtualHost.documentRoot)!}")).toBe("");
      expect(render("${(nothing.at.all)!'d'}")).toBe("d");
    });

    it("keeps the text when a step before the last is missing and not parenthesised", () => {
      expect(render("${deployed.virtualHost.documentRoot!'/srv'}")).toBeUndefined();
      expect(render("<#if deployed.virtualHost.documentRoot??>x</#if>")).toBeUndefined();
    });

    it("reads the default after ! as a whole expression, as FreeMarker 2.3 does", () => {
      expect(render("${deployed.user!'a' + 'b'}")).toBe("ab");
      expect(render("${deployed.name!'a' + 'b'}")).toBe("orders");
    });

    it("tests existence with ?? and (…)??", () => {
      expect(render("<#if deployed.name??>yes</#if>")).toBe("yes");
      expect(render("<#if deployed.user??>yes<#else>no</#if>")).toBe("no");
      expect(render("<#if (deployed.virtualHost.documentRoot)??>yes<#else>no</#if>")).toBe("no");
      expect(render("<#if !deployed.user??>absent</#if>")).toBe("absent");
    });
  });

  describe("operators", () => {
    it("adds numbers and concatenates text", () => {
      expect(render("${deployed.retries + 1}")).toBe("4");
      expect(render("${deployed.name + '-' + deployed.retries}")).toBe("orders-3");
      expect(render("${(deployed.name + '/x')?upper_case}")).toBe("ORDERS/X");
    });

    it("compares with == != = and < > <= >= lt gt lte gte", () => {
      expect(render("<#if deployed.name == 'orders'>a</#if>")).toBe("a");
      expect(render("<#if deployed.name = 'orders'>a</#if>")).toBe("a");
      expect(render("<#if deployed.name != 'orders'>a<#else>b</#if>")).toBe("b");
      expect(render("<#if deployed.enabled == true>a</#if>")).toBe("a");
      expect(render("<#if deployed.retries lt 4>a</#if><#if deployed.retries lte 3>b</#if>")).toBe("ab");
      expect(render("<#if deployed.retries gt 3>a</#if><#if deployed.retries gte 3>b</#if>")).toBe("b");
      expect(render("<#if (deployed.retries > 2)>a</#if><#if deployed.retries < 2>b</#if>")).toBe("a");
      expect(render("<#if (deployed.retries >= 3) && (deployed.retries <= 3)>a</#if>")).toBe("a");
      expect(render("${(deployed.retries > 2)?c}")).toBe("true");
    });

    it("combines conditions with && || ! and short-circuits", () => {
      expect(render("<#if deployed.enabled && !deployed.restartOnNoop>a</#if>")).toBe("a");
      expect(render("<#if deployed.restartOnNoop || deployed.enabled>a</#if>")).toBe("a");
      expect(render("<#if deployed.restartOnNoop && deployed.file??>a</#if>")).toBe("");
      expect(render("<#if deployed.enabled || deployed.file??>a</#if>")).toBe("a");
      expect(render("<#if !(deployed.enabled)>a<#else>b</#if>")).toBe("b");
    });

    it("negates numbers", () => {
      expect(render("${-deployed.retries}")).toBe("-3");
    });
  });

  describe("built-ins", () => {
    it("?has_content: missing, empty text and empty lists have none", () => {
      expect(render("<#if deployed.name?has_content>a</#if>")).toBe("a");
      expect(render("<#if deployed.empty?has_content>a<#else>b</#if>")).toBe("b");
      expect(render("<#if deployed.user?has_content>a<#else>b</#if>")).toBe("b");
      expect(render("<#if (deployed.virtualHost.documentRoot)?has_content>a<#else>b</#if>")).toBe("b");
      expect(render("<#if deployed.aliases?has_content>a</#if><#if deployed.noAliases?has_content>b</#if>")).toBe("a");
      expect(render("<#if deployed.retries?has_content>a</#if>")).toBe("a");
    });

    it("text built-ins: ?upper_case ?lower_case ?trim ?length", () => {
      expect(render("${deployed.name?upper_case}${'ABC'?lower_case}")).toBe("ORDERSabc");
      // Java's trim strips control characters and spaces but not U+00A0.
      expect(render("[${deployed.padded?trim}]")).toBe("[x y\u00a0]");
      expect(render("${deployed.name?length}")).toBe("6");
    });

    it("?string, ?c and ?string(yes, no)", () => {
      expect(render("${deployed.enabled?string}")).toBe("true");
      expect(render("${deployed.restartOnNoop?c}")).toBe("false");
      expect(render("${deployed.enabled?string('on', \"off\")}")).toBe("on");
      expect(render("${deployed.restartOnNoop?string('on', 'off')}")).toBe("off");
      expect(render("${deployed.port?c}")).toBe("8080");
      expect(render("${deployed.retries?string}")).toBe("3");
      expect(render("${deployed.name?string}")).toBe("orders");
    });

    it("?number, ?boolean and ?size", () => {
      expect(render("${deployed.answer?number + 1}")).toBe("43");
      expect(render("<#if deployed.yes?boolean>a</#if>")).toBe("a");
      expect(render("${deployed.aliases?size}")).toBe("2");
      expect(render("${deployed.aliases[1]}")).toBe("b");
      expect(render("${deployed.tags?size}<#if deployed.tags?has_content>!</#if>")).toBe("2!");
    });
  });

  describe("directives", () => {
    it("<#if> with <#elseif> and <#else>, nested", () => {
      const text =
        "<#if deployed.retries == 1>one<#elseif deployed.retries == 3>three<#if deployed.enabled>!</#if><#else>many</#if>";
      expect(render(text)).toBe("three!");
      expect(render("<#if deployed.restartOnNoop>a<#elseIf deployed.enabled>b</#if>")).toBe("b");
      expect(render("<#if deployed.restartOnNoop>x/restart</#if>")).toBe("");
      expect(render("<#if deployed.enabled>x/restart</#if>")).toBe("x/restart");
      expect(render("<#if deployed.restartOnNoop>a<#else/>b</#if >")).toBe("b");
    });

    it("<#assign> with and without the slash, several at once, hiding data-model names", () => {
      expect(render("<#assign dir = deployed.container.home + '/conf'/>${dir}")).toBe("/opt/app/conf");
      expect(render("<#assign a=1 b=2><#assign c = a + b>${c}")).toBe("3");
      expect(render("<#assign deployed = 'shadow'>${deployed}")).toBe("shadow");
      expect(render("<#if deployed.enabled><#assign x='in'/></#if>${x}")).toBe("in");
      expect(render("<#assign flag=false/><#if flag>a<#else>b</#if>")).toBe("b");
      expect(render("<#assign a=1 toString=2>${a + toString}")).toBe("3");
    });

    it("<#list> of a list of strings, with <#else> for an empty one and the loop variable hiding other names", () => {
      expect(render("<#list deployed.aliases as alias>[${alias}]</#list>")).toBe("[a][b]");
      expect(render("<#list deployed.noAliases as alias>[${alias}]<#else>none</#list>")).toBe("none");
      expect(render("<#list deployed.oneTag as tag>[${tag}]</#list>")).toBe("[x]");
      expect(render("<#list deployed.aliases as alias>[${alias}]<#else>none</#list>")).toBe("[a][b]");
      expect(render("<#list deployed.aliases as deployed>${deployed}</#list>${deployed.name}")).toBe("aborders");
      const nested = "<#list deployed.aliases as x><#list deployed.aliases as x>${x}</#list>${x};</#list>";
      expect(render(nested)).toBe("aba;abb;");
      const counted = "<#assign n = 0><#list deployed.aliases as a><#assign n = n + 1></#list>${n}";
      expect(render(counted)).toBe("2");
      expect(render("<#list deployed.aliases as a>\n  <#if a == 'b'>\n  ${a}\n  </#if>\n</#list>\n")).toBe("  b\n");
    });

    it("drops comments", () => {
      expect(render("a<#-- ${not.evaluated} <#if> -->b")).toBe("ab");
    });

    it("strips the white-space of lines holding only directives, as FreeMarker does", () => {
      const text = "start\n  <#if deployed.enabled>\n  run ${deployed.name}\n  <#else>\n  skip\n  </#if>\nend\n";
      expect(render(text)).toBe("start\n  run orders\nend\n");
      expect(render("a <#if true>b</#if> c")).toBe("a b c");
      expect(render("<#-- note -->\nx")).toBe("x");
      expect(render("\u00a0<#if true>\nx</#if>")).toBe("\u00a0\nx");
    });

    it("switches community script defaults on and off (generic-plugins.md §0.2)", () => {
      expect(render("<#if deployed.alwaysRun!false>cmd2/CommandRunner</#if>")).toBe("");
      expect(render("<#if deployed.enabled!false>cmd2/CommandRunner</#if>")).toBe("cmd2/CommandRunner");
      expect(render("<#if deployed.undoCommand??>cmd2/Undo</#if>")).toBe("");
      expect(render("<#if deployed.name??>cmd2/Undo</#if>")).toBe("cmd2/Undo");
    });

    it("does not evaluate branches that are not taken", () => {
      expect(render("<#if deployed.restartOnNoop>${deployed.file}<#else>${deployed.name}</#if>")).toBe("orders");
    });
  });

  describe("keeps the whole text as written", () => {
    const kept = [
      // missing values where FreeMarker requires one
      "${deployed.user}/x",
      "<#if deployed.user == 'a'>x</#if>",
      "<#if deployed.user>x</#if>",
      "<#assign u = deployed.user/>x",
      "${deployed.user + 'x'}",
      "${deployed.user?upper_case}",
      // values known only at execution time
      "${deployed.file}",
      "<#if deployed.file??>x</#if>",
      "${(deployed.file)!'x'}",
      // printing what FreeMarker prints by server settings or refuses to print
      "on=${deployed.enabled}",
      "${deployed.port}",
      "${deployed.ratio}",
      "${deployed.ratio?c}",
      "${deployed.aliases}",
      "${deployed.container}",
      "${deployed.name + deployed.enabled}",
      // type errors
      "<#if deployed.name>x</#if>",
      "<#if deployed.name == 3>x</#if>",
      "<#if deployed.name < 'z'>x</#if>",
      "<#if deployed.container == deployed.container>x</#if>",
      "${deployed.name?c}",
      "${deployed.answer?boolean?c}",
      "${'1e3'?number}",
      "${(deployed.aliases[-1])!'x'}",
      "${deployed.name?string('a', 'b')}",
      "${deployed.container?has_content?c}",
      // outside the subset
      "${deployed.retries - 1}",
      "${deployed.retries * 2}",
      "${deployed.name?cap_first}",
      "${deployed.name?substring(1)}",
      "<#list deployed.container as c>x</#list>",
      // a set's order on the server is unknown
      "<#list deployed.tags as t>${t}</#list>",
      "${deployed.tags[0]}",
      "<#list deployed.name as c>x</#list>",
      "<#list deployed.aliases as a>${a}<#sep>,</#list>",
      "<#list deployed.aliases as a>${a?index}</#list>",
      "<#list deployed.settings as k, v>${k}</#list>",
      "<#list 1..3 as i>${i}</#list>",
      "<#list deployed.aliases as a><#break></#list>",
      "<#list deployed.aliases as a>x<#elseif true>y</#list>",
      "<#list deployed.aliases as a>x</#if>",
      "<#if true><#list deployed.aliases as a>x</#if></#list>",
      "<#include 'x.ftl'>",
      "<@macro/>",
      "<#ftl>x",
      "#{deployed.retries}",
      "[#if true]x[/#if]",
      '${"x#{deployed.retries}"}',
      '${"x${deployed.user}"}',
      '${"on=${deployed.enabled}"}',
      "${deployed.user! + 'a'}",
      "${{'a': 1}}",
      "${[1, 2]}",
      // malformed
      "${deployed.name",
      "<#if true>x",
      "x</#if>",
      "<#else>x",
      "<#if true>a<#else>b<#else>c</#if>",
      "<#-- open",
      "${'open}",
      "${'\\q'}",
      "<#assign x>captured</#assign>",
    ];
    it.each(kept)("%s", (text) => {
      expect(renderFreemarkerText(text, lookup)).toBeUndefined();
      expect(resolveFreemarkerText(text, lookup)).toBe(text);
    });
  });
});
