import { describe, expect, it } from "vitest";
import { parseXml } from "./xml-document.js";

describe("parseXml", () => {
  it("keeps element positions, namespaces and CDATA text", () => {
    const { root, diagnostics } = parseXml(
      '<rules xmlns="http://www.xebialabs.com/xl-deploy/xl-rules">\n  <rule name="a b" scope="deployed">\n    <expression><![CDATA[x < 1]]></expression>\n  </rule>\n</rules>',
      "ext/xl-rules.xml",
    );
    expect(diagnostics).toEqual([]);
    const rule = root?.children[0];
    expect(root?.namespace).toBe("http://www.xebialabs.com/xl-deploy/xl-rules");
    expect(rule?.attributes.name?.value).toBe("a b");
    expect([rule?.line, rule?.column]).toEqual([2, 3]);
    expect(rule?.children[0]?.text).toBe("x < 1");
  });

  it("reports malformed XML with its position and no root", () => {
    const result = parseXml("<rules>\n  <rule>\n</rules>", "ext/xl-rules.xml");
    expect(result.root).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: "PW1001", file: "ext/xl-rules.xml", line: 3 }]);
  });

  it("warns about an XML declaration after a comment and still parses", () => {
    const result = parseXml('<!-- header -->\n<?xml version="1.0"?>\n<rules/>', "ext/xl-rules.xml");
    expect(result.root?.name).toBe("rules");
    expect(result.diagnostics).toMatchObject([{ code: "PW1002", severity: "warning", line: 2, column: 1 }]);
  });
});
