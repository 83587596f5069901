import type { MessageSection } from "../catalogue.js";

/** PW2xxx — see the range table in ../catalogue.ts. */
export const typesMessages: MessageSection = {
  PW2001: {
    severity: "error",
    message: "Unknown property kind `{kind}` for property `{property}` of {type}",
    hint: "Use one of: string, boolean, integer, enum, ci, set_of_ci, list_of_ci, set_of_string, list_of_string, map_string_string, date.",
  },
  PW2002: {
    severity: "error",
    message: "Type {type} extends unknown type {superType}",
    hint: "Check the spelling of `extends`, or add the plugin that defines {superType} to plugins/.",
  },
  PW2003: {
    severity: "error",
    message: "Type {type} extends itself through {cycle}",
    hint: "Break the cycle: one of these types must extend a type outside it.",
  },
  PW2004: {
    severity: "error",
    message: "Type {type} is defined twice; the first definition is at {first}",
    hint: "Remove or rename one of the definitions; type names are unique across ext/ and all plugins.",
  },
  PW2005: {
    severity: "error",
    message: "type-modification of unknown type {type}",
    hint: "Check the spelling of the type, or add the plugin that defines it to plugins/.",
  },
  PW2006: {
    severity: "error",
    message: "<{element}> has no `{attribute}` attribute, or it is empty",
    hint: "Add the attribute; it is required.",
  },
  PW2007: {
    severity: "error",
    message: "Default `{value}` of property `{property}` of {type} is not a valid {kind}",
    hint: "{expected}",
  },
  PW2008: {
    severity: "error",
    message: "Default `{value}` of enum property `{property}` of {type} is not one of its values ({values})",
    hint: "Use one of the listed values, or add it to <enum-values>.",
  },
  PW2009: {
    severity: "error",
    message: "The {attribute} of {type} is unknown type {referenced}",
    hint: "Check the spelling, or add the plugin that defines {referenced} to plugins/.",
  },
  PW2010: {
    severity: "warning",
    message: "Property `{property}` of {type} refers to unknown type {referenced}",
    hint: "Check `referenced-type`, or add the plugin that defines {referenced}; values of this property cannot be checked.",
  },
  PW2011: {
    severity: "error",
    message: "The root element of a synthetic.xml must be <synthetic>, found <{element}>",
    hint: 'Wrap the types in <synthetic xmlns="http://www.xebialabs.com/deployit/synthetic">…</synthetic>.',
  },
  PW2012: {
    severity: "warning",
    message: "Unexpected element <{element}> inside <{parent}>; it is ignored",
    hint: "{expected}",
  },
  PW2013: {
    severity: "warning",
    message: "Unknown attribute `{attribute}` on <{element}>; it is ignored",
    hint: "Check the spelling; known attributes are: {known}.",
  },
  PW2014: {
    severity: "warning",
    message: '`{attribute}="{value}"` is not a boolean; it is read as false',
    hint: 'Write "true" or "false".',
  },
  PW2015: {
    severity: "error",
    message: "Enum property `{property}` of {type} has no values",
    hint: "Add <enum-values><value>…</value></enum-values> inside the property.",
  },
  PW2016: {
    severity: "warning",
    message: "Property `{property}` of {type} redeclares the {inheritedKind} property of {declaringType} as {kind}",
    hint: 'Repeat the kind when redeclaring a property: kind="{inheritedKind}" (synthetic.xml\'s default kind is string).',
  },
  PW2017: {
    severity: "warning",
    message: '`size="{value}"` of property `{property}` is not a known size',
    hint: "Use default, small, medium or large.",
  },
  PW2018: {
    severity: "error",
    message: "Unknown type {type}",
    hint: "Run `planwright types` to list the known types.",
  },
  PW2019: {
    severity: "error",
    message: "generate-deployable in {type}, which is not a deployed type",
    hint: "Only types extending udm.BaseDeployed (or another deployed type) can generate a deployable.",
  },
};
