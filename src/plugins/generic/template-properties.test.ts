// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are FreeMarker templates, not JS templates
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpusDirectory } from "../../../test/support/corpus.js";
import type { ConfigurationItem } from "../../repository/model.js";
import { loadTypes } from "../../types/load-types.js";
import { childrenNamed, parseXml } from "../../xml/xml-document.js";
import { type TemplateScope, templateText } from "./template-properties.js";

/** The two corpus plugins whose `targetDirectory` default uses `<#assign>` and `<#if>`. */
const corpusDefaults = {
  advanced: "xebialabs-community__xld-advanced-webcontent-plugin/src/main/resources/synthetic.xml",
  versioned: "bastiaanb__xldeploy-versioned-webcontent-plugin/src/main/resources/synthetic.xml",
};

/** The first `targetDirectory` default of a corpus synthetic.xml, undefined when the corpus is absent. */
function corpusTargetDirectory(relative: string): string | undefined {
  const file = path.join(corpusDirectory, relative);
  if (!existsSync(file)) return undefined;
  const root = parseXml(readFileSync(file, "utf8"), file).root!;
  for (const type of childrenNamed(root, "type"))
    for (const property of childrenNamed(type, "property"))
      if (property.attributes.name?.value === "targetDirectory") return property.attributes.default?.value;
  return undefined;
}

const xmlAttribute = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** A web server, virtual hosts nested in it and a copied artifact whose target directory is a corpus default. */
function typesWith(targetDirectory: string) {
  const synthetic = `<synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">
  <type type="web.Server" extends="generic.Container">
    <property name="defaultDocumentRoot" default="/var/www/html"/>
  </type>
  <type type="web.VirtualHost" extends="generic.NestedContainer">
    <property name="server" kind="ci" referenced-type="web.Server" as-containment="true"/>
    <property name="documentRoot" required="false"/>
    <property name="logDirectory" default="\${container.server.defaultDocumentRoot}/../logs/\${container.name}"/>
    <property name="uploadDirectory" default="\${container.server.home}/uploads"/>
  </type>
  <type type="web.Content" extends="generic.CopiedArtifact" deployable-type="web.ContentFile" container-type="web.Server">
    <generate-deployable type="web.ContentFile" extends="generic.File"/>
    <property name="virtualHost" kind="ci" referenced-type="web.VirtualHost" required="false"/>
    <property name="targetDirectory" default="${xmlAttribute(targetDirectory)}"/>
    <property name="restartOnNoop" kind="boolean" default="false"/>
    <property name="noopScript" default="&lt;#if deployed.restartOnNoop&gt;web/restart&lt;/#if&gt;"/>
    <property name="note" required="false"/>
    <property name="purgeCache" kind="boolean" required="false"/>
    <property name="secret" password="true" default="s3cret" required="false"/>
    <property name="aliases" kind="set_of_string" default="www, web" required="false"/>
    <property name="ports" kind="list_of_string" default="80, 443" required="false"/>
  </type>
</synthetic>`;
  const { registry, diagnostics } = loadTypes([{ text: synthetic, displayPath: "ext/synthetic.xml" }]);
  expect(diagnostics).toEqual([]);
  return registry;
}

const ci = (id: string, type: string, values: ConfigurationItem["values"] = {}): ConfigurationItem => ({
  id,
  name: id.slice(id.lastIndexOf("/") + 1),
  type,
  values,
});

const server = ci("Infrastructure/web/apache", "web.Server");
const shopHost = ci("Infrastructure/web/apache/shop", "web.VirtualHost", { server, documentRoot: "/srv/shop" });
const bareHost = ci("Infrastructure/web/apache/bare", "web.VirtualHost", { server });
const deployedApplication = ci("Environments/Prod/Shop", "udm.DeployedApplication", {
  version: ci("Applications/Shop/2.1", "udm.DeploymentPackage"),
});

function content(values: ConfigurationItem["values"] = {}): ConfigurationItem {
  return ci("Infrastructure/web/apache/index", "web.Content", { container: server, ...values });
}

describe("templateText", () => {
  const types = typesWith("${deployed.container.defaultDocumentRoot}");
  const scope: TemplateScope = { types, deployedApplication };

  it("renders an <#if> on a deployed boolean to blank or the script", () => {
    expect(templateText(content(), "noopScript", scope)).toBe("");
    expect(templateText(content({ restartOnNoop: true }), "noopScript", scope)).toBe("web/restart");
  });

  it("reads a boolean without value or default as false, as the Python bridges do", () => {
    const note = "<#if deployed.purgeCache>web/purge<#else>none</#if>";
    expect(templateText(content({ note }), "note", scope)).toBe("none");
    expect(templateText(content({ note, purgeCache: true }), "note", scope)).toBe("web/purge");
  });

  it("renders nested container templates against {container}", () => {
    const deployed = content({ virtualHost: bareHost, note: "${deployed.virtualHost.logDirectory}" });
    expect(templateText(deployed, "note", scope)).toBe("/var/www/html/../logs/bare");
  });

  it("gives a declared property without value or default as missing, so that ! applies", () => {
    expect(templateText(content({ note: "${deployed.virtualHost!'none'}" }), "note", scope)).toBe("none");
    expect(templateText(content({ note: "${deployed.virtualHost}" }), "note", scope)).toBe("${deployed.virtualHost}");
  });

  it("gives lists in order and sets without an order", () => {
    const note = "<#list deployed.ports as port>${port};</#list>${deployed.aliases?size}";
    expect(templateText(content({ note }), "note", scope)).toBe("80;443;2");
    const listed = "<#list deployed.aliases as alias>${alias}</#list>";
    expect(templateText(content({ note: listed }), "note", scope)).toBe(listed);
  });

  it("keeps the text that needs what only execution knows", () => {
    for (const note of [
      "${deployed.file}",
      "${deployed.deployable.file}",
      "${deployed.notDeclared!'x'}",
      "${step.remoteWorkingDirPath}",
      "${deployed.secret}",
      // a template that reads itself
      "x${deployed.note}",
      // the nested default reads server.home, which web.Server does not declare
      "${deployed.virtualHost.uploadDirectory}",
    ]) {
      const deployed = content({ virtualHost: bareHost, note });
      expect(templateText(deployed, "note", scope)).toBe(note);
    }
    const withoutApplication = { types };
    const version = content({ note: "${deployed.deployedApplication.version.name}" });
    expect(templateText(version, "note", scope)).toBe("2.1");
    expect(templateText(version, "note", withoutApplication)).toBe("${deployed.deployedApplication.version.name}");
  });
});

describe.each(Object.entries(corpusDefaults))("corpus targetDirectory default (%s)", (name, relative) => {
  const targetDirectory = corpusTargetDirectory(relative);
  const suffix = name === "versioned" ? "/2.1" : "";

  it.skipIf(targetDirectory === undefined)("uses the virtual host's document root when it has one", () => {
    const scope: TemplateScope = { types: typesWith(targetDirectory!), deployedApplication };
    expect(templateText(content({ virtualHost: shopHost }), "targetDirectory", scope)).toBe(`/srv/shop${suffix}`);
  });

  it.skipIf(targetDirectory === undefined)("falls back to the server's default document root", () => {
    const scope: TemplateScope = { types: typesWith(targetDirectory!), deployedApplication };
    expect(templateText(content(), "targetDirectory", scope)).toBe(`/var/www/html${suffix}`);
    expect(templateText(content({ virtualHost: bareHost }), "targetDirectory", scope)).toBe(`/var/www/html${suffix}`);
  });
});
