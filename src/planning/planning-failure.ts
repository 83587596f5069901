/**
 * A mistake of a planning script found by a binding (`context`, `steps`, the services): thrown
 * from the host call so that Python sees an exception at the script's line. Planning turns it
 * into a diagnostic naming the rule; it is never an internal error.
 */
export class PlanningFailure extends Error {
  constructor(
    message: string,
    /** The Python exception type a script sees (Jython raises Java exceptions under these names). */
    readonly pythonType = "Exception",
  ) {
    super(message);
    this.name = pythonType;
  }
}
