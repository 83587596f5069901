import type { MessageSection } from "../catalogue.js";

/** PW3xxx — the repository: XL-as-code YAML files and the configuration items they define. */
export const repositoryMessages: MessageSection = {
  PW3001: {
    severity: "error",
    message: "YAML syntax error: {detail}",
    hint: "Fix the YAML syntax; the position points at the first place the parser could not accept. The rest of this document is skipped.",
  },
  PW3002: {
    severity: "warning",
    message: "Unexpected apiVersion '{apiVersion}'",
    hint: "Repository files start with `apiVersion: xl-deploy/v1`.",
  },
  PW3003: {
    severity: "error",
    message: "Unsupported kind '{kind}'",
    hint: "Use one of: {kinds}.",
  },
  PW3004: {
    severity: "error",
    message: "{what} must be {expected}",
    hint: "A repository document is a mapping with `apiVersion`, `kind` and a `spec` list of configuration items, each a mapping with at least `name` and `type`.",
  },
  PW3005: {
    severity: "error",
    message: "Configuration item without `{key}`",
    hint: "Every configuration item needs a `name` (a full id like `Infrastructure/web-1` at the top level, its own name when nested) and a `type`.",
  },
  PW3006: {
    severity: "error",
    message: "Unknown type '{type}'{suggestion}",
    hint: "The type must be built in or defined in a synthetic.xml on the classpath (ext/ or plugins/); `planwright types` lists them.",
  },
  PW3007: {
    severity: "error",
    message: "Type '{type}' is virtual and cannot be instantiated",
    hint: "Use one of its concrete subtypes: {subtypes}.",
  },
  PW3008: {
    severity: "error",
    message: "Type '{type}' has no property '{property}'{suggestion}",
    hint: "`planwright types {type}` lists its properties, including inherited ones.",
  },
  PW3009: {
    severity: "error",
    message: "Property '{property}' of {type} is {kind}; {problem}",
    hint: "Write {expected}.",
  },
  PW3010: {
    severity: "error",
    message: "'{value}' is not an allowed value of enum property '{property}' of {type}",
    hint: "Allowed values: {values}.",
  },
  PW3011: {
    severity: "error",
    message: "Reference to '{id}', which is not in the repository{suggestion}",
    hint: "Referenced configuration items are named by their full id (`Infrastructure/web-1/tomcat`) and must be defined in a repository YAML file.",
  },
  PW3012: {
    severity: "error",
    message: "Property '{property}' of {type} must reference a {expected}, but '{id}' is a {actual}",
    hint: "Reference a configuration item of type {expected} or one of its subtypes.",
  },
  PW3013: {
    severity: "error",
    message: "Artifact file '{path}' does not exist",
    hint: "`!file` paths are relative to the YAML file that names them.",
  },
  PW3014: {
    severity: "error",
    message: "Duplicate configuration item id '{id}' (first defined at {first})",
    hint: "Every id must be unique across all repository files; rename or remove one of them.",
  },
  PW3015: {
    severity: "error",
    message: "Type '{type}' is not an artifact, so it cannot have a file",
    hint: "Only artifact types (udm.Artifact, e.g. subtypes of udm.BaseDeployableFileArtifact) take `file: !file path`.",
  },
  PW3016: {
    severity: "warning",
    message: "Artifact '{id}' has no file",
    hint: "Give its content with `file: !file relative/path/to/file`.",
  },
  PW3017: {
    severity: "error",
    message: "Cannot read {path}: {detail}",
    hint: "Check that the file exists and is readable.",
  },
  PW3018: {
    severity: "warning",
    message: "Property '{property}' of {type} is hidden and cannot be set",
    hint: "Hidden properties always keep their default; remove the key.",
  },
  PW3019: {
    severity: "error",
    message: "Required property '{property}' of {type} has no value",
    hint: "Set `{property}` on '{id}'.",
  },
  PW3021: {
    severity: "error",
    message: "'{id}' is a {type}, which belongs under {root}/",
    hint: "Move it to a `kind: {root}` document (its id must start with `{root}/`).",
  },
  PW3022: {
    severity: "warning",
    message: "Unknown key '{key}' in a repository document{suggestion}; it is ignored",
    hint: "A repository document has `apiVersion`, `kind`, an optional `metadata` and `spec`.",
  },
  PW3020: {
    severity: "error",
    message: "Unknown tag '{tag}'",
    hint: "The only custom tag is `!file relative/path` for artifact content.",
  },
};
