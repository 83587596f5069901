import { definePlugin } from "../api.js";
import { copiedArtifactRules, processedTemplateRules } from "./deployed-artifact.js";
import { executedFolderRules } from "./executed-folder.js";
import { executedScriptRules } from "./executed-script.js";
import { lifeCycleContributor } from "./lifecycle-contributor.js";
import { manualProcessRules } from "./manual-process.js";

/**
 * XL Deploy's Generic Model plugin on the plugin API (generic-plugins.md §1–§9). Its types
 * (generic.Container, generic.ExecutedScript, …) are built in (src/types/builtin/generic.ts);
 * generic.Resource, File, Folder and Archive are deployables and plan nothing themselves.
 */
export const genericPlugin = definePlugin({
  name: "generic",
  deployedRules: [
    ...executedScriptRules,
    ...copiedArtifactRules,
    ...processedTemplateRules,
    ...executedFolderRules,
    ...manualProcessRules,
  ],
  contributors: [lifeCycleContributor],
});
