import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPlainXml } from "./plain-xml-reader.js";
import { parseXmlWithSaxes } from "./xml-document.js";

const root = path.resolve(import.meta.dirname, "../..");
const corpus = path.resolve(root, "../shared/corpus");

function xmlFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...xmlFiles(full));
    else if (entry.name.endsWith(".xml")) found.push(full);
  }
  return found;
}

/** The fast path either declines or builds exactly what saxes builds. */
function expectSameAsSaxes(text: string, label: string): boolean {
  const fast = readPlainXml(text);
  if (fast === undefined) return false;
  const general = parseXmlWithSaxes(text, "file.xml");
  expect(general.diagnostics, label).toEqual([]);
  expect(fast, label).toEqual(general.root);
  return true;
}

describe("readPlainXml", () => {
  const samples = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rules xmlns="http://www.xebialabs.com/xl-deploy/xl-rules">\n  <rule name="a" scope="deployed">\n    <conditions><type>x.Y</type>\n<expression>a &lt; b &amp;&amp; c</expression></conditions>\n  </rule>\n</rules>\n',
    '<a x = "1"\n   y=\'2\'\n><b/><c xmlns:p="urn:p" p:z="3">t&#65;&#x42;<![CDATA[<raw>]]></c  >\n<!-- note --></a>',
    "<a><b></a>",
    "<a>&nbsp;</a>",
    "<a x='1' x='2'/>",
    "<p:a/>",
    "<a/><b/>",
    "<!DOCTYPE a><a/>",
    "<a><!-- a -- b --></a>",
    "<a>]]></a>",
    "",
    "text<a/>",
    '<a x="&quot;&apos;&gt;"/>',
  ];
  it.each(samples)("reads %j as saxes does, or leaves it to saxes", (text) => {
    expectSameAsSaxes(text, text);
  });

  it("takes the fast path for the usual shape", () => {
    expect(expectSameAsSaxes(samples[0]!, "rules")).toBe(true);
    expect(expectSameAsSaxes(samples[1]!, "mixed")).toBe(true);
    expect(readPlainXml("<a><b></a>")).toBeUndefined();
  });

  it("agrees with saxes on the project's and the corpus's XML files", () => {
    const files = [...xmlFiles(path.join(root, "examples")), ...xmlFiles(path.join(root, "test")), ...xmlFiles(corpus)];
    let fast = 0;
    for (const file of files) {
      let text = readFileSync(file, "utf8");
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (expectSameAsSaxes(text, file)) fast++;
    }
    if (files.length > 0) expect(fast).toBeGreaterThan(files.length / 2);
  });
});
