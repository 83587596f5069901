import { readSyntheticXml, type SyntheticContent } from "../synthetic-reader.js";
import { genericSyntheticXml } from "./generic.js";
import { overthereSyntheticXml } from "./overthere.js";
import { udmSyntheticXml } from "./udm.js";

let contents: SyntheticContent[] | undefined;

/** The built-in types, read once per process. Their readers report nothing (a test guards that). */
export function builtinTypes(): readonly SyntheticContent[] {
  contents ??= [
    readSyntheticXml(udmSyntheticXml, "builtin:udm", "builtin", { builtin: true }),
    readSyntheticXml(overthereSyntheticXml, "builtin:overthere", "builtin", { builtin: true }),
    readSyntheticXml(genericSyntheticXml, "builtin:generic", "builtin", { builtin: true }),
  ];
  return contents;
}
