import type { MessageSection } from "../catalogue.js";

/** PW6xxx — see the range table in ../catalogue.ts. */
export const pythonMessages: MessageSection = {
  // PW6050–PW6099: the full interpreter and the runtime (src/python/interpreter/, src/python/runtime.ts).
  PW6050: {
    severity: "error",
    message: "{subject} raised {pythonType}: {message}",
    hint: "The line is the Python line that raised it; Planwright runs Python as Jython 2.7 does. Fix the rule or the data it reads.",
  },
  PW6051: {
    severity: "error",
    message: "{subject} imports '{module}', which is not available: {message}",
    hint: "Available are the allowed standard modules (re, json, string, itertools, collections, functools, math, datetime, ...), the Java classes XL Deploy scripts use (Operation, DefaultOrders, Checkpoint, Type, PropertyKind, java.util collections, ...) and Python modules on the plugin classpath.",
  },
  PW6052: {
    severity: "error",
    message: "{subject} is not valid Jython 2.7: {message}",
    hint: "Check brackets, quotes and indentation at the position shown.",
  },
  PW6053: {
    severity: "error",
    message: "{subject} ran longer than the time limit of {limit} ms and was stopped",
    hint: "Look for an endless loop. The limit is xl.python.time-limit in conf/planner.conf.",
  },
  PW6054: {
    severity: "error",
    message: "the Python interpreter (Pyodide) could not be loaded: {message}",
    hint: "Reinstall Planwright's dependencies (npm ci); the pyodide package must be complete.",
  },
};
